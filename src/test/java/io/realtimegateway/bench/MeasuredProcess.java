package io.realtimegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.realtimegateway.PackagedApp;

/**
 * A packaged gateway (the jar, or the native executable) run as a process of its own, so that what is measured of it
 * (RSS, live heap, CPU time) is its alone.
 */
final class MeasuredProcess implements AutoCloseable {

    /** The used figure of each heap space: G1's one heap, or Serial's young and old generations. */
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    private final String name;
    private final PackagedApp.Build build;
    private final PackagedApp app;

    private MeasuredProcess(String name, PackagedApp.Build build, PackagedApp app) {
        this.name = name;
        this.build = build;
        this.app = app;
    }

    /** Starts that build with these process options and settings, and waits until it answers its readiness check. */
    static MeasuredProcess start(String name, PackagedApp.Build build, List<String> options, Map<String, String> settings) throws IOException {
        return new MeasuredProcess(name, build, PackagedApp.start(build, Path.of("target", "bench", name + ".log"), options, settings));
    }

    int httpPort() {
        return app.httpPort();
    }

    PackagedApp.Build build() {
        return build;
    }

    /** Resident set size in bytes, from {@code /proc/<pid>/status}. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** User plus system CPU time in seconds, from {@code /proc/<pid>/stat}. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(app.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    /** {@code /q/metrics} as Prometheus text. */
    String metrics() throws Exception {
        return app.get("/q/metrics").body();
    }

    /** A metric's value from {@code /q/metrics} (the first series of that name). */
    double metric(String metric) throws Exception {
        return metrics().lines().filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new IllegalStateException(metric + " is not on /q/metrics of " + name));
    }

    /**
     * What the process keeps, as far as it can be read from outside: the JVM's live heap; the executable's resident set
     * (a native image has no attach mechanism, so nothing can make it collect and report its live heap).
     */
    long retainedBytes() throws Exception {
        return build == PackagedApp.Build.JAR ? liveHeapBytes() : rssBytes();
    }

    /** What {@link #retainedBytes()} measures, in words. */
    String retainedMeasure() {
        return build == PackagedApp.Build.JAR ? "live heap" : "RSS";
    }

    /** Live heap in bytes: used heap right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private long liveHeapBytes() throws Exception {
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
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(app.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    @Override
    public void close() {
        app.close();
    }
}
