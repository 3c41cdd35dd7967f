package io.realtimegateway.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class RedactionTest {

    private final Redaction known = Redaction.of(List.of("tok3n-value-1", "key-id:key-secret-value", "key-id", "key-secret-value", "short"));

    @Test
    void tokensInQueriesAreMasked() {
        assertEquals("ws://h/x?fal_jwt_token=***&max_buffering=2", Redaction.text("ws://h/x?fal_jwt_token=secret.value&max_buffering=2"));
    }

    @Test
    void credentialsAsHttpSendsThemAndJwtsAreMasked() {
        assertEquals("Authorization: Key *** sent", Redaction.text("Authorization: Key 1234abcd-ef:0123456789abcdef sent"));
        assertEquals("Bearer ***", Redaction.text("Bearer abcdefgh.ijkl"));
        assertEquals("token *** expired", Redaction.text("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature expired"));
        assertEquals("Key lime pie", Redaction.text("Key lime pie"), "ordinary words are not keys");
    }

    @Test
    void anUnexpectedExceptionsMessageReachesTheCallerMasked() {
        RealtimeException failure = RealtimeException.from(new IllegalStateException("bad frame after GET /ws?fal_jwt_token=eyJh.secret.value"));
        assertEquals(ErrorCode.UPSTREAM_ERROR, failure.code());
        assertEquals("bad frame after GET /ws?fal_jwt_token=***", failure.getMessage());
    }

    @Test
    void knownSecretsAreMaskedWholeWhereverTheyAppear() {
        assertEquals("saw *** and *** and ***", known.scrub("saw tok3n-value-1 and key-id:key-secret-value and key-secret-value"));
        assertEquals("short stays: too short to be a secret", known.scrub("short stays: too short to be a secret"));
    }

    @Test
    void outputsLoseOnlyKnownSecretsAndQueryTokens() {
        Map<String, Object> output = Map.of("images", List.of(Map.of("url", "https://cdn/x.png?fal_jwt_token=abc&w=1")), "echo", "tok3n-value-1",
                "prompt", "Bearer of good news, Key lime pie");
        UpstreamMessage.Result scrubbed = (UpstreamMessage.Result) known.scrub(new UpstreamMessage.Result(output));
        assertEquals(Map.of("images", List.of(Map.of("url", "https://cdn/x.png?fal_jwt_token=***&w=1")), "echo", "***",
                "prompt", "Bearer of good news, Key lime pie"), scrubbed.output());
    }

    @Test
    void anOutputWithNothingToMaskIsPassedOnAsItIs() {
        UpstreamMessage.Result result = new UpstreamMessage.Result(Map.of("images", List.of(Map.of("url", "data:image/png;base64,AAAA"))));
        assertSame(result, known.scrub(result));
    }

    @Test
    void errorReasonsAreScrubbedLikeAnyText() {
        assertEquals(new UpstreamMessage.FalError("INTERNAL_ERROR", "GET /a/b/realtime?fal_jwt_token=*** (***)"),
                known.scrub(new UpstreamMessage.FalError("INTERNAL_ERROR", "GET /a/b/realtime?fal_jwt_token=tok3n-value-1 (key-id:key-secret-value)")));
    }

    @Test
    void networkFailuresAreDescribedWithoutTheirMessages() {
        assertEquals("it refused the connection", NetworkFailure.describe(new ConnectException("Connection refused: /10.0.0.7:8443")));
        assertEquals("its host name did not resolve", NetworkFailure.describe(new RuntimeException(new UnknownHostException("internal.host"))));
        assertEquals("it did not answer in time", NetworkFailure.describe(new TimeoutException("10.0.0.7")));
        assertEquals("a network error (IllegalStateException)", NetworkFailure.describe(new IllegalStateException("at 10.0.0.7")));
    }
}
