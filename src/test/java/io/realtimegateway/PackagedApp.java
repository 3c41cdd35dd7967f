package io.realtimegateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

/**
 * A packaged build of the gateway (the jar, or the native executable) run as a process of its own on a free HTTP
 * port, for tests and benchmarks that need more than the one process {@code @QuarkusIntegrationTest} starts.
 */
public final class PackagedApp implements AutoCloseable {

    private static final Path TARGET = Path.of("target");
    /**
     * For the app's own endpoints. HTTP/1.1: the JDK client's default, HTTP/2 by h2c upgrade, now and then never
     * finishes a response from an idle Quarkus, which left waits polling a response that never came; the timeout makes
     * any such hang a failed request instead.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Which packaging runs, and the command line that comes before its options and settings. */
    public enum Build {
        /** {@code target/quarkus-app/quarkus-run.jar} on the JVM running the tests. */
        JAR,
        /** The native executable, {@code target/*-runner}. */
        NATIVE;

        /** What this build packaged last, as {@code target/quarkus-artifact.properties} records it. */
        public static Build packaged() {
            Properties artifact = new Properties();
            try (InputStream in = Files.newInputStream(TARGET.resolve("quarkus-artifact.properties"))) {
                artifact.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("target/quarkus-artifact.properties is missing: run after 'package'", e);
            }
            return "native".equals(artifact.getProperty("type")) ? NATIVE : JAR;
        }

        /** The command line: settings as {@code -Dkey=value}, which the jar takes before {@code -jar}, the executable anywhere. */
        private List<String> command(List<String> options, Map<String, String> settings) {
            List<String> command = new ArrayList<>();
            command.add(this == JAR ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : executable().toString());
            command.addAll(options);
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            if (this == JAR) {
                command.addAll(List.of("-jar", existing(TARGET.resolve("quarkus-app").resolve("quarkus-run.jar")).toString()));
            }
            return command;
        }

        private static Path executable() {
            try (Stream<Path> files = Files.list(TARGET)) {
                return files.filter(file -> file.getFileName().toString().endsWith("-runner") && Files.isExecutable(file)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no native executable in target/: build it with -Pnative first"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path existing(Path file) {
            if (!Files.exists(file)) {
                throw new IllegalStateException(file + " is missing: run after 'package'");
            }
            return file;
        }
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final int httpPort;

    private PackagedApp(String name, Process process, Path log, int httpPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    /**
     * Starts that build with these process options (JVM flags for the jar, runtime flags for the executable) and
     * settings ({@code -Dkey=value}), its output in {@code log}, and waits until it answers its readiness check.
     */
    public static PackagedApp start(Build build, Path log, List<String> options, Map<String, String> settings) throws IOException {
        int port = freePort();
        Map<String, String> withPort = new LinkedHashMap<>(settings);
        withPort.put("quarkus.http.port", Integer.toString(port));
        List<String> command = build.command(options, withPort);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedApp started = new PackagedApp(log.getFileName().toString(), process, log, port);
        try {
            started.awaitReady(log);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** The process, for waiting on its exit. */
    public Process process() {
        return process;
    }

    /** Sends SIGTERM, as Kubernetes and Knative stop a container, without waiting for the exit. */
    public void terminate() {
        process.destroy();
    }

    /** What it has written to stdout and stderr so far, line by line. */
    public List<String> output() throws IOException {
        return Files.readAllLines(log);
    }

    /** GET of one of the app's own paths (such as {@code /q/metrics}), answered or failed within {@link #REQUEST_TIMEOUT}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(REQUEST_TIMEOUT).build();
    }

    private void awaitReady(Path log) {
        HttpRequest ready = request("/q/health/ready");
        Awaitility.await(name + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            try {
                return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
