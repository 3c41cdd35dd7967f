package io.realtimegateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** Who may call the proxy: pages of allowed origins, callers with the shared secret, and whose Authorization goes on. */
class CallerCheckTest {

    private static final String OWN = "http://localhost:8080";

    @Test
    void byDefaultOnlyTheGatewaysOwnOriginMayCall() {
        CallerCheck check = new CallerCheck(List.of(), Optional.empty(), false);
        assertEquals(Optional.of("http://localhost:8080"), check.origin("http://localhost:8080", OWN));
        assertEquals(Optional.of("HTTP://LOCALHOST:8080"), check.origin("HTTP://LOCALHOST:8080", OWN));
        assertEquals(Optional.of("https://gw.example"), check.origin("https://gw.example", "https://gw.example:443"));
        assertEquals(Optional.empty(), check.origin(null, OWN), "callers outside a browser send no Origin");
        for (String foreign : List.of("http://localhost:8081", "https://localhost:8080", "http://evil.example", "null", "http://localhost:8080.evil")) {
            RealtimeException refused = assertThrows(RealtimeException.class, () -> check.origin(foreign, OWN));
            assertEquals(ErrorCode.FORBIDDEN, refused.code());
            assertTrue(refused.getMessage().contains("only the gateway's own origin"), refused.getMessage());
        }
    }

    @Test
    void configuredOriginsMayCallToo() {
        CallerCheck check = new CallerCheck(List.of("https://app.example", "http://127.0.0.1:3000"), Optional.empty(), false);
        assertEquals(Optional.of("https://app.example:443"), check.origin("https://app.example:443", OWN));
        assertEquals(Optional.of("http://127.0.0.1:3000"), check.origin("http://127.0.0.1:3000", OWN));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(RealtimeException.class, () -> check.origin("https://other.example", OWN)).code());
        assertEquals(Optional.of("https://any.example"), new CallerCheck(List.of("*"), Optional.empty(), false).origin("https://any.example", OWN));
    }

    @Test
    void theCallersAuthorizationIsDroppedUnlessForwardingIsConfigured() {
        assertEquals(Optional.empty(), new CallerCheck(List.of(), Optional.empty(), false).authorization("Key their-own-key"));
        assertEquals(Optional.of("Key their-own-key"), new CallerCheck(List.of(), Optional.empty(), true).authorization("Key their-own-key"));
        assertFalse(new CallerCheck(List.of(), Optional.empty(), false).readsAuthorization());
    }

    @Test
    void withASharedSecretEveryCallerMustPresentItAndItIsNeverForwarded() {
        CallerCheck check = new CallerCheck(List.of(), Optional.of("s3cret"), true);
        assertEquals(Optional.empty(), check.authorization("Key s3cret"));
        assertEquals(Optional.empty(), check.authorization("Bearer s3cret"));
        for (String wrong : new String[] { null, "", "Key", "Key s3cre", "Key s3cret2", "Basic s3cret", "s3cret" }) {
            RealtimeException refused = assertThrows(RealtimeException.class, () -> check.authorization(wrong));
            assertEquals(ErrorCode.UNAUTHORIZED, refused.code());
            assertFalse(refused.getMessage().contains("s3cret"), "the secret is never echoed");
        }
        assertTrue(check.readsAuthorization());
    }
}
