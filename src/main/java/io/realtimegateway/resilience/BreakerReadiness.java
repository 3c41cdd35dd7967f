package io.realtimegateway.resilience;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports each app's circuit breaker on {@code /q/health/ready}. It stays UP while breakers are open: one
 * broken app must not take the instance, and every other app, out of rotation.
 */
@Readiness
@ApplicationScoped
public class BreakerReadiness implements HealthCheck {

    private final UpstreamGuards guards;

    BreakerReadiness(UpstreamGuards guards) {
        this.guards = guards;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream circuit breakers").up();
        guards.breakerStates().forEach((app, state) -> response.withData(app, state.name().toLowerCase()));
        return response.build();
    }
}
