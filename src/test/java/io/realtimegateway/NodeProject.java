package io.realtimegateway;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Node.js project of the tests' own: a folder under {@code src/} with a {@code package.json} of pinned versions,
 * installed from npm into a folder under {@code target/} on first use (again only when a pinned version changes).
 * npm's and node's output go to files there, never to the forked test JVM's stdout, which is the build's channel.
 */
public final class NodeProject {

    /** The tests' own scripts: fal's client through the proxy, the playground in a browser ({@code src/test/js}). */
    public static final NodeProject TEST_SCRIPTS = new NodeProject(Path.of("src", "test", "js"), Path.of("target", "js"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path sources;
    private final Path work;

    public NodeProject(Path sources, Path work) {
        this.sources = sources;
        this.work = work;
    }

    /** Installs the project; empty when it is ready, else why it is not (no Node.js or npm, or npm install failed). */
    public synchronized Optional<String> install() {
        try {
            Files.createDirectories(work);
            try (Stream<Path> files = Files.list(sources)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (installed()) {
                return Optional.empty();
            }
            Path log = work.resolve("npm-install.log");
            Process npm = new ProcessBuilder("npm", "install").directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                return Optional.of("npm install in " + work.toAbsolutePath() + " did not finish in 5 minutes (see " + log.toAbsolutePath() + ")");
            }
            return npm.exitValue() == 0 && installed() ? Optional.empty()
                    : Optional.of("npm install in " + work.toAbsolutePath() + " failed (see " + log.toAbsolutePath() + ")");
        } catch (IOException noNpm) {
            return Optional.of("Node.js and npm are needed (" + noNpm.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while installing " + sources);
        }
    }

    /** Installs the project, or stops the test saying why: as a failure in CI ({@code CI=true}), as a skip elsewhere. */
    public NodeProject require() {
        install().ifPresent(NodeProject::missing);
        return this;
    }

    /** A program the test needs, e.g. Debian's chromium; missing, it fails the test in CI and skips it elsewhere. */
    public static Path requireExecutable(Path program, String howToInstall) {
        if (!Files.isExecutable(program)) {
            missing(program + " is needed: " + howToInstall);
        }
        return program;
    }

    private static void missing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(reason);
        }
        assumeTrue(false, reason + "; skipped outside CI");
    }

    /**
     * Runs {@code node [options] script} in the project's folder and returns the last line it printed.
     *
     * @throws AssertionError when it fails or outlives the timeout, with what it wrote to stderr
     */
    public String run(String script, Map<String, String> environment, Duration timeout, String... nodeOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(nodeOptions));
        command.add(script);
        String name = script.replaceAll("\\.m?js$", "");
        Path out = work.resolve(name + ".out");
        Path err = work.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        Process node = builder.start();
        if (!node.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            node.destroyForcibly();
            throw new AssertionError(script + " did not finish within " + timeout + "; stderr: " + Files.readString(err));
        }
        List<String> lines = Files.readAllLines(out);
        if (node.exitValue() != 0 || lines.isEmpty()) {
            throw new AssertionError(script + " failed (exit " + node.exitValue() + "); stderr: " + Files.readString(err));
        }
        return lines.get(lines.size() - 1);
    }

    public Path folder() {
        return work;
    }

    /** Every pinned dependency is in node_modules at its pinned version. */
    private boolean installed() throws IOException {
        JsonNode dependencies = JSON.readTree(sources.resolve("package.json").toFile()).path("dependencies");
        for (Iterator<Map.Entry<String, JsonNode>> pinned = dependencies.fields(); pinned.hasNext();) {
            Map.Entry<String, JsonNode> dependency = pinned.next();
            Path manifest = work.resolve("node_modules").resolve(dependency.getKey()).resolve("package.json");
            if (!Files.isRegularFile(manifest) || !JSON.readTree(manifest.toFile()).path("version").asText().equals(dependency.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}
