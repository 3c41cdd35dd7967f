package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.realtimegateway.RawHttp;
import io.realtimegateway.RawHttp.Response;

/**
 * The HTTP edge over raw sockets, the way hostile or careless callers reach it: every refusal is a 4xx at once with
 * the JSON error body, on each of the three endpoints that take a body. Black-box, so that {@code HttpEdgeIT} runs
 * the same against the packaged application.
 */
@QuarkusTest
class HttpEdgeTest {

    /** The three ways in; each takes the same body, the function's with the app in it. */
    enum Endpoint {
        REST("/v1/realtime/fal-ai/flux-lora-realtime", ""),
        STREAM("/v1/realtime/fal-ai/flux-lora-realtime/stream", ""),
        FUNCTION("/realtime", "\"app\":\"fal-ai/flux-lora-realtime\",");

        final String path;
        private final String appField;

        Endpoint(String path, String appField) {
            this.path = path;
            this.appField = appField;
        }

        /** A body with these fields, e.g. {@code "inputs":[...]}. */
        String body(String fields) {
            return "{" + appField + fields + "}";
        }
    }

    static final String ONE_INPUT = "\"inputs\":[{\"prompt\":\"a lighthouse\",\"image_size\":{\"width\":64,\"height\":64},\"num_inference_steps\":2,\"seed\":1}]";

    static final byte[] MALFORMED_CHUNK = ("POST " + Endpoint.REST.path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);

    @TestHTTPResource("/")
    URI base;

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anEmptyBodyIsA400AtOnceHoweverItIsSent(Endpoint endpoint) {
        String empty = "the request body is empty";
        assertRefused(400, empty, send(RawHttp.post(endpoint.path, "application/json", new byte[0], "")));
        assertRefused(400, empty, send(("POST " + endpoint.path + " HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused(400, empty, send(RawHttp.post(endpoint.path, null, new byte[0], "")));
        assertRefused(400, empty, send(RawHttp.chunkedPost(endpoint.path)));
        assertRefused(400, empty, send(RawHttp.post(endpoint.path, " \r\n\t ")));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void contentAfterTheJsonValueIsRefused(Endpoint endpoint) {
        assertRefused(400, "the body continues after its JSON value (line 1, column",
                send(RawHttp.post(endpoint.path, endpoint.body(ONE_INPUT) + "{\"timeoutMs\":5}")));
        assertRefused(400, "the body is not valid JSON (line 1, column", send(RawHttp.post(endpoint.path, endpoint.body(ONE_INPUT) + "xyz")));
        assertRefused(400, "the body continues after its JSON value", send(RawHttp.post(endpoint.path, endpoint.body(ONE_INPUT) + " 7")));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void deepNestingLongNumbersAndDuplicatesAreA400WithTheJsonBody(Endpoint endpoint) {
        String deep = "[".repeat(1100) + "]".repeat(1100);
        assertRefused(400, "the body nests arrays and objects deeper than 64 levels (gateway.http.json.max-depth)",
                send(RawHttp.post(endpoint.path, endpoint.body("\"inputs\":[{\"prompt\":\"x\",\"a\":" + deep + "}]"))));
        assertRefused(400, "the body has a number longer than 100 characters (gateway.http.json.max-number-length)",
                send(RawHttp.post(endpoint.path, endpoint.body("\"inputs\":[{\"prompt\":\"x\",\"seed\":" + "1".repeat(1000) + "}]"))));
        assertRefused(400, "the body has more than 100000 JSON tokens (gateway.http.json.max-tokens)",
                send(RawHttp.post(endpoint.path, endpoint.body("\"inputs\":[{\"prompt\":\"x\",\"a\":[" + "0,".repeat(100_000) + "0]}]"))));
        assertRefused(400, "the body names a field twice (line 1, column",
                send(RawHttp.post(endpoint.path, endpoint.body(ONE_INPUT + ",\"timeoutMs\":900,\"timeoutMs\":90000"))));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aBodyThatIsNotOneJsonObjectIsA400(Endpoint endpoint) {
        for (String body : List.of("[1,2]", "\"inputs\"", "7", "null", "{\"inputs\":[")) {
            Response answer = send(RawHttp.post(endpoint.path, body));
            assertRefused(400, "the body", answer);
        }
        assertRefused(400, "the body must be a JSON object such as", send(RawHttp.post(endpoint.path, "[1,2]")));
        assertRefused(415, "send the body as JSON (Content-Type: application/json)",
                send(RawHttp.post(endpoint.path, "application/x-www-form-urlencoded", "inputs=x".getBytes(StandardCharsets.US_ASCII), "")));
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void aBodyAtTheLimitIsReadWholeAndOneByteMoreIsA413(Endpoint endpoint) {
        long limit = bodyLimit();
        byte[] atTheLimit = padded(endpoint, limit);
        Response whole = send(RawHttp.post(endpoint.path, "application/json", atTheLimit, ""));
        assertEquals(200, whole.status(), whole::text);
        assertTrue(whole.text().contains("\"status\":\"ok\""), () -> "the input went through whole: " + whole.text().substring(0, 200));

        byte[] overTheLimit = padded(endpoint, limit + 1);
        assertRefused(413, "at most " + limit + " bytes are accepted (gateway.invocation.max-body-size)",
                send(RawHttp.post(endpoint.path, "application/json", overTheLimit, "")));
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            Response refused = http.sendWhileReading(RawHttp.chunkedPost(endpoint.path, Arrays.copyOf(overTheLimit, (int) limit / 2),
                    Arrays.copyOfRange(overTheLimit, (int) limit / 2, overTheLimit.length)));
            assertRefused(413, "the request body is too large; at most " + limit + " bytes are accepted", refused);
            assertTrue(http.closedByServer(), "the rest of an oversized body is never read: the connection closes");
        }
    }

    @Test
    void aContentLengthOverTheLimitIsA413BeforeTheBodyIsSent() {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            http.send("POST " + Endpoint.REST.path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 99999999999\r\n\r\n");
            assertRefused(413, "the request body has 99999999999 bytes; at most", http.read());
            assertTrue(http.closedByServer());
        }
    }

    @Test
    void aRequestLineOrHeadersTooLongAreA414AndA431WithTheJsonBody() {
        assertRefused(414, "the request line has", send(("GET /v1/apps?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1)));
        assertRefused(431, "the request headers have", send(("GET /v1/apps HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(30_000)
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void anExpectationOtherThanContinueIsA417AndContinueWorks() {
        String body = Endpoint.REST.body(ONE_INPUT);
        assertRefused(417, "the only expectation this server meets is 'Expect: 100-continue'",
                send(RawHttp.post(Endpoint.REST.path, "application/json", body.getBytes(StandardCharsets.UTF_8), "Expect: teapot\r\n")));
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            http.send("POST " + Endpoint.REST.path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            assertEquals(100, http.read().status());
            http.send(body);
            assertEquals(200, http.read().status());
        }
    }

    @Test
    void aMissingHostIsA400WithTheJsonBody() {
        assertRefused(400, "HTTP/1.1 requests must carry a Host header", send(("POST " + Endpoint.REST.path + " HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A chunk size that is not hex breaks the HTTP decoder in the middle of the body: Vert.x drops the connection. */
    @Test
    void aMalformedChunkClosesTheConnection() {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            http.send(MALFORMED_CHUNK);
            assertTrue(http.closedByServer());
        }
    }

    /**
     * A Content-Length that is not a number is refused by the HTTP decoder before any route runs, and Quarkus 3.34 has
     * no hook for that answer (quarkusio/quarkus#55082): it stays a 400 without a body, and the connection closes.
     */
    @Test
    void aMalformedContentLengthIsA400AndTheConnectionCloses() {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            http.send("POST " + Endpoint.REST.path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}");
            assertEquals(400, http.read().status());
            assertTrue(http.closedByServer());
        }
    }

    @Test
    void theFunctionTakesOnlyPost() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            Response answer = send((method + " /realtime?app=fal-ai/x HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertRefused(405, "it takes POST with a JSON body", answer);
            assertEquals("POST", answer.header("Allow"));
        }
    }

    @Test
    void aLargeBodyKeepsItsBytes() {
        // Over Quarkus REST's 10 KB input buffer, which used to hand Jackson '{' and NUL bytes.
        String prompt = "a lighthouse " + "x".repeat(1900);
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            inputs.append(i == 0 ? "" : ",").append("{\"prompt\":\"").append(prompt).append("\",\"image_size\":{\"width\":64,\"height\":64},")
                    .append("\"num_inference_steps\":1,\"seed\":").append(i).append('}');
        }
        for (Endpoint endpoint : Endpoint.values()) {
            Response answer = send(RawHttp.post(endpoint.path, endpoint.body("\"parallelism\":8,\"throttleIntervalMs\":32,\"inputs\":[" + inputs + "]")));
            assertEquals(200, answer.status(), answer::text);
            long ok = Pattern.compile("\"status\":\"ok\"").matcher(answer.text()).results().count();
            assertEquals(64, ok, "every one of 64 inputs of a " + inputs.length() + "-byte body went through on " + endpoint);
        }
    }

    /** The body limit, as the gateway states it in its refusal of a body that claims to be huge. */
    long bodyLimit() {
        try (RawHttp http = RawHttp.connect(base, Duration.ofSeconds(60))) {
            http.send("POST " + Endpoint.REST.path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n");
            Matcher limit = Pattern.compile("at most (\\d+) bytes").matcher(http.read().json().getString("error.message"));
            assertTrue(limit.find());
            return Long.parseLong(limit.group(1));
        }
    }

    /** A valid one-input body of exactly {@code size} bytes: the input carries a field the app ignores, as padding. */
    static byte[] padded(Endpoint endpoint, long size) {
        String head = endpoint.body("\"inputs\":[{\"prompt\":\"a lighthouse\",\"image_size\":{\"width\":64,\"height\":64},"
                + "\"num_inference_steps\":1,\"seed\":3,\"padding\":\"");
        String tail = "\"}]}";
        String body = head.substring(0, head.length() - 1) + "x".repeat((int) (size - head.length() + 1 - tail.length())) + tail;
        return body.getBytes(StandardCharsets.UTF_8);
    }

    Response send(byte[] request) {
        return RawHttp.exchange(base, request);
    }

    static void assertRefused(int status, String message, Response answer) {
        assertEquals(status, answer.status(), answer::text);
        assertTrue(answer.header("Content-Type") != null && answer.header("Content-Type").startsWith("application/json"),
                () -> "a JSON error body, not " + answer.header("Content-Type") + ": " + answer.text());
        assertEquals("INVALID_INPUT", answer.json().getString("error.code"), answer::text);
        String actual = answer.json().getString("error.message");
        assertTrue(actual.contains(message), () -> "'" + actual + "' should say '" + message + "'");
        assertFalse(answer.text().contains("\"details\""), "never Quarkus's own error page");
    }
}
