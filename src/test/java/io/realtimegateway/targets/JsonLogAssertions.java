package io.realtimegateway.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.realtimegateway.telemetry.ConnectionKeyHash;

/** What every serverless build's JSON logs must show of an invocation, whoever printed them. */
public final class JsonLogAssertions {

    private JsonLogAssertions() {
    }

    /**
     * The invocation's settle line, and the client's line for its socket, carry their trace and span ids, the app and
     * the key's hash as fields, and no record names the connectionKey or what an input said.
     *
     * @param records every JSON record printed while the invocation ran
     * @param lines the same records as printed
     */
    public static JsonNode assertInvocationLogged(List<JsonNode> records, List<String> lines, String app, String connectionKey,
            String... neverShown) {
        JsonNode settled = records.stream().filter(r -> r.path("message").asText().startsWith("Invocation of " + app + " settled"))
                .findFirst().orElseThrow(() -> new AssertionError("no settle line for " + app + " among " + lines));
        JsonNode fields = settled.path("mdc");
        assertEquals(app, fields.path("app").asText(), settled.toString());
        assertEquals(ConnectionKeyHash.of(connectionKey), fields.path("connectionKeyHash").asText(), settled.toString());
        assertTrue(fields.path("traceId").asText().matches("[0-9a-f]{32}"), settled.toString());
        assertTrue(fields.path("spanId").asText().matches("[0-9a-f]{16}"), settled.toString());
        assertEquals("DEBUG", settled.path("level").asText());
        // The client's line for the key's new socket: the same trace, the socket's own span, the same app and hash.
        JsonNode connected = records.stream().filter(r -> r.path("message").asText().startsWith("Connected to " + app))
                .findFirst().orElseThrow(() -> new AssertionError("no connection line for " + app + " among " + lines));
        JsonNode socketFields = connected.path("mdc");
        assertEquals(fields.path("traceId").asText(), socketFields.path("traceId").asText(), connected.toString());
        assertTrue(socketFields.path("spanId").asText().matches("[0-9a-f]{16}"), connected.toString());
        assertFalse(socketFields.path("spanId").asText().equals(fields.path("spanId").asText()), "the socket has a span of its own");
        assertEquals(app, socketFields.path("app").asText(), connected.toString());
        assertEquals(ConnectionKeyHash.of(connectionKey), socketFields.path("connectionKeyHash").asText(), connected.toString());
        for (String line : lines) {
            assertFalse(line.contains(connectionKey), "a log line names the connectionKey: " + line);
            for (String secret : neverShown) {
                assertFalse(line.contains(secret), "a log line shows " + secret + ": " + line);
            }
        }
        return settled;
    }
}
