package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.RawHttp;
import io.realtimegateway.RawHttp.Response;
import io.realtimegateway.api.HttpEdgeTest.Endpoint;
import io.realtimegateway.protocol.ErrorCode;
import io.restassured.path.json.JsonPath;

/**
 * A bounded, seeded fuzz pass over the bodies of {@code POST /v1/realtime/...}, {@code /stream} and the function
 * ({@link FuzzCases}): every answer must be a 2xx or a 4xx with the JSON error body, never a 5xx, never a hang (a
 * read waits at most a minute). Reproduce a failure with {@code -Dfuzz.seed=S -Dfuzz.case=N}; widen the pass with
 * {@code -Dfuzz.cases=N}. A failing case's body is written to {@code target/fuzz/}.
 */
@QuarkusTest
class BodyFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    static final int CASES = Integer.getInteger("fuzz.cases", 1000);

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAnswerIsA2xxOrA4xxWithTheJsonErrorBody() throws Exception {
        FuzzCases cases = new FuzzCases(SEED);
        Integer only = Integer.getInteger("fuzz.case");
        Map<Integer, Integer> statuses = new TreeMap<>();
        TreeMap<Long, Integer> slowest = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = only == null ? 0 : only; i < (only == null ? CASES : only + 1); i++) {
            FuzzCases.Case fuzz = cases.generate(i);
            String problem;
            long caseStarted = System.nanoTime();
            try (RawHttp http = RawHttp.connect(base, Duration.ofMinutes(1))) {
                Response answer = http.sendWhileReading(fuzz.request(cases.framing(i)));
                statuses.merge(answer.status(), 1, Integer::sum);
                problem = problem(fuzz.endpoint(), answer);
            } catch (RuntimeException noAnswer) {
                problem = "no answer: " + noAnswer;
            }
            slowest.put(System.nanoTime() - caseStarted, i);
            if (slowest.size() > 5) {
                slowest.pollFirstEntry();
            }
            if (problem != null) {
                Path saved = Path.of("target", "fuzz", "seed-" + SEED + "-case-" + i + ".body");
                Files.createDirectories(saved.getParent());
                Files.write(saved, fuzz.body());
                failures.add(problem + " for " + fuzz.describe() + " (body in " + saved + ")");
            }
        }
        Log.infof("Body fuzz pass: seed %d, %d cases in %d s, statuses %s; slowest cases (ms) %s", SEED, only == null ? CASES : 1,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), statuses,
                slowest.descendingMap().entrySet().stream().map(slow -> slow.getValue() + "=" + slow.getKey() / 1_000_000).toList());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of the cases of seed " + SEED + " failed; rerun one with -Dfuzz.seed=" + SEED + " -Dfuzz.case=N:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
    }

    /** What is wrong with the answer, or null. */
    static String problem(Endpoint endpoint, Response answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            if (endpoint == Endpoint.STREAM) {
                return answer.text().contains("event:summary") ? null : "a stream without its summary event";
            }
            return answer.text().startsWith("{\"app\"") && answer.json().getList("results") != null ? null : "a 2xx that is not an invocation";
        }
        if (status < 400 || status >= 500) {
            return "status " + status + " " + answer.text();
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            return status + " without the JSON error body: " + answer.text();
        }
        JsonPath json = answer.json();
        String code = json.getString("error.code");
        String message = json.getString("error.message");
        if (code == null || EnumSet.allOf(ErrorCode.class).stream().noneMatch(known -> known.name().equals(code)) || message == null
                || message.isBlank()) {
            return status + " with a malformed error body: " + answer.text();
        }
        return null;
    }
}
