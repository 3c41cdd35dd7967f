package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class ConnectionGaugeLogFilterTest {

    private final ConnectionGaugeLogFilter filter = new ConnectionGaugeLogFilter();

    @Test
    void dropsTheWarningThatTheConnectionGaugeIsRegisteredTwice() {
        assertFalse(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='vertx.http.connections.current', tags=[]}), the registration will be ignored.")));
        assertFalse(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered ({}), the registration will be ignored.", "MeterId{name='vertx.http.connections.current'}")));
    }

    @Test
    void keepsEveryOtherRecord() {
        assertTrue(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='gateway_upstream_connections', tags=[]})")));
        assertTrue(filter.isLoggable(record("io.realtimegateway.client.UpstreamLink", "vertx.http.connections.current already registered")));
        assertTrue(filter.isLoggable(record(null, null)));
    }

    private static LogRecord record(String logger, String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }
}
