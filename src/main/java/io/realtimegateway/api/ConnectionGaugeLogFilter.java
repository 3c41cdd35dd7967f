package io.realtimegateway.api;

import java.util.Arrays;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * With a connection cap ({@code quarkus.http.limits.max-connections}) Quarkus registers its gauge of open connections
 * once per event loop, all reading one shared counter, and Micrometer warns at every start that the gauge exists
 * already (the kind of quarkusio/quarkus#50040). That one warning is dropped; every other record passes.
 */
@LoggingFilter(name = ConnectionGaugeLogFilter.NAME)
public final class ConnectionGaugeLogFilter implements Filter {

    static final String NAME = "connection-gauge";
    private static final String GAUGE = "vertx.http.connections.current";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!"io.micrometer.core.instrument.MeterRegistry".equals(record.getLoggerName())) {
            return true;
        }
        String text = record.getMessage() + (record.getParameters() == null ? "" : Arrays.toString(record.getParameters()));
        return !(text.contains("already registered") && text.contains(GAUGE));
    }
}
