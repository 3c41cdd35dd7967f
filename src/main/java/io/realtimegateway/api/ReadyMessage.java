package io.realtimegateway.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.realtimegateway.auth.UpstreamTarget;

/** One line at start saying which upstream is in use and how to try the gateway. */
@ApplicationScoped
public class ReadyMessage {

    // After the embedded upstream has started and published its address.
    void announce(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event, UpstreamTarget target,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean listening) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            return;
        }
        if (!listening) {
            // Direct Lambda invocations: no HTTP port to try.
            Log.infof("realtime-gateway is using %s", target.describe());
            return;
        }
        Log.infof("realtime-gateway is using %s. Try: curl -s -X POST http://localhost:%d/v1/realtime/fal-ai/flux-lora-realtime "
                + "-H 'Content-Type: application/json' -d '{\"inputs\":[{\"prompt\":\"a lighthouse at dawn\",\"seed\":7}]}'",
                target.describe(), port);
    }
}
