package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

class ConsoleNoiseFilterTest {

    private static final String POLL_LOOP = "io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop";

    private final ConsoleNoiseFilter filter = new ConsoleNoiseFilter();

    @Test
    void dropsTheWarningThatTheConnectionGaugeIsRegisteredTwice() {
        assertFalse(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='vertx.http.connections.current', tags=[]}), the registration will be ignored.")));
        assertFalse(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered ({}), the registration will be ignored.", "MeterId{name='vertx.http.connections.current'}")));
    }

    @Test
    void dropsTheLambdaPollLoopsErrorForAnInvocationRefusedOverTheCallersMistake() {
        // As Funqy throws it: its ApplicationException around the function's own failure.
        RuntimeException refused = new RuntimeException("INVALID_INPUT: app is required",
                new RealtimeException(ErrorCode.INVALID_INPUT, "app is required"));
        assertFalse(filter.isLoggable(failed(POLL_LOOP, refused)));
        assertFalse(filter.isLoggable(failed(POLL_LOOP, new RealtimeException(ErrorCode.APP_NOT_FOUND, "no such app"))));
    }

    @Test
    void keepsTheLambdaPollLoopsErrorsThatAreTheOperatorsToFix() {
        assertTrue(filter.isLoggable(failed(POLL_LOOP, new RuntimeException(new RealtimeException(ErrorCode.UNAUTHORIZED, "key refused")))));
        assertTrue(filter.isLoggable(failed(POLL_LOOP, new RealtimeException(ErrorCode.CONNECTION_LOST, "gone"))));
        assertTrue(filter.isLoggable(failed(POLL_LOOP, new IllegalStateException("a bug"))));
        assertTrue(filter.isLoggable(failed(POLL_LOOP, null)));
        assertTrue(filter.isLoggable(failed("io.realtimegateway.api.RealtimeFunction", new RealtimeException(ErrorCode.INVALID_INPUT, "logged by us"))));
    }

    @Test
    void keepsEveryOtherRecord() {
        assertTrue(filter.isLoggable(record("io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='gateway_upstream_connections', tags=[]})")));
        assertTrue(filter.isLoggable(record("io.realtimegateway.client.UpstreamLink", "vertx.http.connections.current already registered")));
        assertTrue(filter.isLoggable(record(null, null)));
    }

    private static LogRecord failed(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, "Failed to run lambda (TEST)");
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    private static LogRecord record(String logger, String message, Object... parameters) {
        LogRecord record = new LogRecord(Level.WARNING, message);
        record.setLoggerName(logger);
        record.setParameters(parameters.length == 0 ? null : parameters);
        return record;
    }
}
