package io.realtimegateway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}) run as a process of its own, so that what
 * is measured of it (RSS, live heap, CPU time) is its alone.
 */
final class JarProcess implements AutoCloseable {

    /** The build's own jar, or another build's (BENCH_JAR), to measure two builds with the same harness. */
    private static final Path JAR = Path.of(System.getenv().getOrDefault("BENCH_JAR", "target/quarkus-app/quarkus-run.jar"));
    /**
     * For the process's own endpoints. HTTP/1.1: the JDK client's default, HTTP/2 by h2c upgrade, now and then never
     * finishes a response from an idle Quarkus (seen on main and on this branch), which left the at-rest waits polling a
     * response that never came; the timeout makes any such hang a failed poll instead.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The used figure of each heap space: G1's one heap, or Serial's young and old generations. */
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    private final String name;
    private final Process process;
    final int httpPort;

    private JarProcess(String name, Process process, int httpPort) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts the jar with these JVM options and settings, and waits until it answers its readiness check. */
    static JarProcess start(String name, List<String> jvmOptions, Map<String, String> settings) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the benchmark runs after 'package' (./mvnw -Pbench verify)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.http.port=" + port);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Path.of("target", "bench", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        JarProcess started = new JarProcess(name, process, port);
        started.awaitReady();
        return started;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in bytes, from {@code /proc/<pid>/status}. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** User plus system CPU time in seconds, from {@code /proc/<pid>/stat}. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /** {@code /q/metrics} as Prometheus text. */
    String metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).timeout(REQUEST_TIMEOUT).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A metric's value from {@code /q/metrics} (the first series of that name). */
    double metric(String name) throws Exception {
        return metrics().lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new IllegalStateException(name + " is not on /q/metrics of " + this.name));
    }

    /** Live heap in bytes: used heap right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    long liveHeapBytes() throws Exception {
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long kilobytes = 0;
        boolean found = false;
        while (used.find()) {
            kilobytes += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("jcmd GC.heap_info said nothing about used heap for " + name);
        }
        return kilobytes * 1024;
    }

    private String jcmd(String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    private void awaitReady() throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready")).timeout(REQUEST_TIMEOUT).build();
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see target/bench/" + name + ".log");
            }
            try {
                return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
