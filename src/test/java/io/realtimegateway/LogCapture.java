package io.realtimegateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/** The log records the application writes while a test runs ({@code @QuarkusTest} only: same JVM), from the root logger. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Records at {@code level} or above. */
    public List<LogRecord> atLeast(Level level) {
        return records.stream().filter(record -> record.getLevel().intValue() >= level.intValue()).toList();
    }

    /** Records from loggers under {@code loggerPrefix} whose message (the format, unformatted) contains {@code text}. */
    public List<LogRecord> matching(String loggerPrefix, String text) {
        return records.stream().filter(record -> record.getLoggerName() != null && record.getLoggerName().startsWith(loggerPrefix)
                && record.getMessage() != null && record.getMessage().contains(text)).toList();
    }

    /** One line per record, for assertion messages. */
    public static String describe(List<LogRecord> records) {
        return records.stream().map(record -> record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()).toList().toString();
    }

    @Override
    public void publish(LogRecord record) {
        // Its MDC is the logging thread's until copied: copied while that thread is still in the logged work.
        if (record instanceof ExtLogRecord ext) {
            ext.copyAll();
        }
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
