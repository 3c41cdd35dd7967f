package io.realtimegateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes the scenarios as {@code target/bench/<stem>.md} and {@code <stem>.json}. */
final class BenchReport {

    private BenchReport() {
    }

    static Path write(String stem, List<Scenario> scenarios, Map<String, Object> environment) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environment);
        json.put("scenarios", scenarios);
        return write(stem, json, markdown(scenarios, environment));
    }

    /** Writes {@code target/bench/<stem>.json} and {@code <stem>.md}; returns the latter. */
    static Path write(String stem, Object json, String markdown) throws IOException {
        Path directory = Path.of("target", "bench");
        Files.createDirectories(directory);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(directory.resolve(stem + ".json").toFile(), json);
        Path written = directory.resolve(stem + ".md");
        Files.writeString(written, markdown);
        return written;
    }

    static String markdown(List<Scenario> scenarios, Map<String, Object> environment) {
        StringBuilder table = new StringBuilder();
        table.append("| # | scenario | baseline | ours | ratio | target | met | throughput (baseline / ours) | p50 ms | p99 ms | errors | notes |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Scenario s : scenarios) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %s | %s | %s | %s | %s | %s | %s |%n", s.id(), s.title(),
                    s.baselineLabel(), s.oursLabel(), s.ratio(), s.target(), s.met() ? "yes" : "**no**",
                    pair(s, f -> String.format(Locale.ROOT, "%.0f", f.throughput())) + " " + unit(s),
                    pair(s, f -> String.format(Locale.ROOT, "%.3f", f.p50Millis())),
                    pair(s, f -> String.format(Locale.ROOT, "%.3f", f.p99Millis())),
                    pair(s, f -> Long.toString(f.errors())), s.notes()));
        }
        table.append("\n").append(environment.toString()).append("\n");
        return table.toString();
    }

    private static String pair(Scenario s, java.util.function.Function<Figures, String> show) {
        return (s.baseline() == null ? "–" : show.apply(s.baseline())) + " / " + (s.ours() == null ? "–" : show.apply(s.ours()));
    }

    private static String unit(Scenario s) {
        return s.ours() != null ? s.ours().unit() : "";
    }
}
