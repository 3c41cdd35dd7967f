package io.realtimegateway.api;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Funqy logs every body it cannot parse as an ERROR with Jackson's whole stack trace. That body is the
 * caller's mistake, already answered with 400 {@code INVALID_INPUT} (see {@link HttpFilters}), so the
 * record is dropped: malformed requests must not flood the log or trip alerts on ERROR. Funqy's other
 * records pass.
 */
@LoggingFilter(name = FunqyBadBodyLogFilter.NAME)
public final class FunqyBadBodyLogFilter implements Filter {

    static final String NAME = "funqy-bad-body";

    @Override
    public boolean isLoggable(LogRecord record) {
        return !("io.quarkus.funqy".equals(record.getLoggerName()) && "Failed to unmarshal input".equals(record.getMessage()));
    }
}
