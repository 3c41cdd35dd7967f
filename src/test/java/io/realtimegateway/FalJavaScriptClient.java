package io.realtimegateway;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * fal's official JavaScript client ({@code @fal-ai/client}, pinned in {@code src/bench/js/package.json}) on the
 * machine's Node.js, installed from npm into {@code target/fal-js} on first use, and the scripts beside it that drive it
 * (the benchmark's loop, the compatibility checks).
 */
public final class FalJavaScriptClient {

    private static final Path SOURCES = Path.of("src", "bench", "js");
    private static final Path WORK = Path.of("target", "fal-js");

    private FalJavaScriptClient() {
    }

    /** Whether the client is installed (installing it now if need be); when it cannot be, says why on stdout. */
    public static boolean installed() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(SOURCES)) {
            for (Path file : files) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (Files.isDirectory(WORK.resolve("node_modules").resolve("@fal-ai").resolve("client"))) {
            return true;
        }
        try {
            // npm's output goes to a file: written to a forked test JVM's stdout, it would corrupt the test plugin's channel.
            Path log = WORK.resolve("npm-install.log");
            Process install = new ProcessBuilder("npm", "install").directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean installed = install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0;
            if (!installed) {
                System.out.println("npm install of fal's JavaScript client failed (see " + log.toAbsolutePath() + ")");
            }
            return installed;
        } catch (IOException noNpm) {
            System.out.println("No npm on this machine, so fal's JavaScript client is not installed (" + noNpm.getMessage() + ")");
            return false;
        }
    }

    /** Runs one of the scripts with these environment variables and returns the last line it printed. */
    public static String run(String script, Map<String, String> environment, Duration limit) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", "--experimental-websocket", "--no-warnings", script).directory(WORK.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process node = builder.start();
        String output = new String(node.getInputStream().readAllBytes());
        if (!node.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS) || node.exitValue() != 0) {
            node.destroyForcibly();
            throw new IllegalStateException(script + " failed: " + output);
        }
        return output.lines().reduce((first, last) -> last).orElseThrow(() -> new IllegalStateException(script + " printed nothing"));
    }
}
