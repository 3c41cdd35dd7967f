package io.realtimegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * fal's official JavaScript client ({@code @fal-ai/client}, pinned in {@code src/bench/js/package.json}) on the
 * machine's Node.js, installed from npm into {@code target/bench/js} on first use.
 */
final class JsClient {

    private static final Path SOURCES = Path.of("src", "bench", "js");
    private static final Path WORK = Path.of("target", "bench", "js");

    private JsClient() {
    }

    /** The loop's figures, or empty (with the reason printed) when Node.js or npm is not available. */
    static Optional<Figures> run(String upstream, String key, String app, int warmup, int iterations) throws Exception {
        if (!prepared()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder("node", "--experimental-websocket", "--no-warnings", "realtime-loop.mjs")
                .directory(WORK.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("UPSTREAM", upstream, "UPSTREAM_KEY", key, "APP", app, "WARMUP",
                Integer.toString(warmup), "ITERATIONS", Integer.toString(iterations)));
        Process loop = builder.start();
        String output = new String(loop.getInputStream().readAllBytes());
        if (!loop.waitFor(5, TimeUnit.MINUTES) || loop.exitValue() != 0) {
            throw new IllegalStateException("the JavaScript client loop failed: " + output);
        }
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        long[] durations = new long[result.get("durations").size()];
        for (int i = 0; i < durations.length; i++) {
            durations[i] = result.get("durations").get(i).asLong();
        }
        return Optional.of(Figures.of(durations, result.get("wallNanos").asLong(), 1, "inputs/s", result.get("errors").asLong()));
    }

    private static boolean prepared() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", ".npmrc", "realtime-loop.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules").resolve("@fal-ai").resolve("client"))) {
            return true;
        }
        try {
            // npm's output goes to a file: written to the forked test JVM's stdout, it would corrupt failsafe's channel.
            Path log = WORK.resolve("npm-install.log");
            Process install = new ProcessBuilder("npm", "install").directory(WORK.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean installed = install.waitFor(5, TimeUnit.MINUTES) && install.exitValue() == 0;
            if (!installed) {
                System.out.println("npm install of fal's JavaScript client failed: the scenario is skipped (see " + log.toAbsolutePath() + ")");
            }
            return installed;
        } catch (IOException noNpm) {
            System.out.println("No npm on this machine: the JavaScript client scenario is skipped (" + noNpm.getMessage() + ")");
            return false;
        }
    }
}
