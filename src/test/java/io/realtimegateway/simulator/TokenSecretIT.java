package io.realtimegateway.simulator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.realtimegateway.PackagedApp;

/**
 * Secrets are made when the app starts, never while it is built: in a native executable whatever a static initialiser
 * makes is made at build time and frozen into the image, the same in every process. Two launches of the packaged app
 * (the jar, or the executable with -Pnative) must therefore sign the same token request with different signatures.
 */
class TokenSecretIT {

    private static final String KEY = "token-secret-it";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoLaunchesSignTheSameTokenDifferently() throws Exception {
        int firstUpstream = PackagedApp.freePort();
        int secondUpstream = PackagedApp.freePort();
        try (PackagedApp first = launch("first", firstUpstream); PackagedApp second = launch("second", secondUpstream)) {
            // Tokens carry their expiry in seconds: ask until both answers name the same one, so only the signatures can differ.
            List<String[]> tokens = await().atMost(Duration.ofSeconds(10))
                    .until(() -> List.of(token(firstUpstream), token(secondUpstream)), pair -> pair.get(0)[0].equals(pair.get(1)[0]));
            assertNotEquals(tokens.get(0)[1], tokens.get(1)[1], "both processes signed with the same secret");
        }
    }

    private static PackagedApp launch(String name, int upstreamPort) throws Exception {
        return PackagedApp.start(PackagedApp.Build.packaged(), Path.of("target", "token-secret-it", name + ".log"), List.of(),
                Map.of("gateway.simulator.port", Integer.toString(upstreamPort), "gateway.simulator.key", KEY));
    }

    /** A token from that process's embedded upstream, split into its payload and its signature. */
    private String[] token(int upstreamPort) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + upstreamPort + "/tokens/"))
                .header("Authorization", "Key " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"allowed_apps\":[\"flux-lora-realtime\"],\"token_expiration\":120}")).build();
        String token = http.send(request, HttpResponse.BodyHandlers.ofString()).body().replace("\"", "");
        return token.split("\\.");
    }
}
