package io.realtimegateway.config;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the embedded upstream listens once it has started. The simulator publishes its address here
 * and the gateway reads it, so the gateway reaches the simulator only through the network, like fal.
 */
@ApplicationScoped
public class EmbeddedUpstream {

    /** @param baseUrl e.g. {@code http://127.0.0.1:8090}; real-time at {@code ws://..}, tokens at {@code /tokens/} */
    public record Address(URI baseUrl, String key) {

        public URI realtimeUrl() {
            return URI.create(baseUrl.toString().replaceFirst("^http", "ws"));
        }

        public URI tokenUrl() {
            return baseUrl.resolve("/tokens/");
        }

        @Override
        public String toString() {
            return baseUrl.toString();
        }
    }

    private volatile Address address;

    public void publish(Address address) {
        this.address = address;
    }

    public void withdraw() {
        this.address = null;
    }

    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }
}
