package io.realtimegateway.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * Drops the console lines that frameworks write about things that are neither the operator's problem nor news; every
 * other record passes.
 * <ul>
 * <li>With a connection cap ({@code quarkus.http.limits.max-connections}) Quarkus registers its gauge of open
 * connections once per event loop, all reading one shared counter, and Micrometer warns at every start that the gauge
 * exists already (the kind of quarkusio/quarkus#50040).</li>
 * <li>On Lambda, Quarkus's poll loop logs ERROR with a stack trace for every invocation its function refused, a
 * caller's bad event included. The caller gets the error response; a caller's mistake is not an operator's error.</li>
 * </ul>
 */
@LoggingFilter(name = ConsoleNoiseFilter.NAME)
public final class ConsoleNoiseFilter implements Filter {

    static final String NAME = "console-noise";
    private static final String GAUGE = "vertx.http.connections.current";
    private static final String LAMBDA_POLL_LOOP = "io.quarkus.amazon.lambda.runtime.AbstractLambdaPollLoop";
    /** What only the caller can fix; the rest (the gateway's key refused, the upstream failing) is logged. */
    private static final Set<ErrorCode> CALLER_MISTAKES = EnumSet.of(ErrorCode.INVALID_INPUT, ErrorCode.APP_NOT_FOUND, ErrorCode.FORBIDDEN);

    @Override
    public boolean isLoggable(LogRecord record) {
        return !(gaugeRegisteredTwice(record) || lambdaRefusedACallersMistake(record));
    }

    private static boolean gaugeRegisteredTwice(LogRecord record) {
        if (!"io.micrometer.core.instrument.MeterRegistry".equals(record.getLoggerName())) {
            return false;
        }
        String text = record.getMessage() + (record.getParameters() == null ? "" : Arrays.toString(record.getParameters()));
        return text.contains("already registered") && text.contains(GAUGE);
    }

    private static boolean lambdaRefusedACallersMistake(LogRecord record) {
        if (!LAMBDA_POLL_LOOP.equals(record.getLoggerName())) {
            return false;
        }
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RealtimeException failure) {
                return CALLER_MISTAKES.contains(failure.code());
            }
        }
        return false;
    }
}
