package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class FunqyBadBodyLogFilterTest {

    private final FunqyBadBodyLogFilter filter = new FunqyBadBodyLogFilter();

    @Test
    void dropsFunqysReportOfABodyItCouldNotParse() {
        assertFalse(filter.isLoggable(record("io.quarkus.funqy", "Failed to unmarshal input")));
    }

    @Test
    void keepsFunqysOtherRecordsAndEveryoneElses() {
        assertTrue(filter.isLoggable(record("io.quarkus.funqy", "Failed to marshal")));
        assertTrue(filter.isLoggable(record("io.realtimegateway.client.UpstreamLink", "Failed to unmarshal input")));
        assertTrue(filter.isLoggable(record(null, null)));
    }

    private static LogRecord record(String logger, String message) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName(logger);
        return record;
    }
}
