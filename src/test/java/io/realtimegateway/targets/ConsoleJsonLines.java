package io.realtimegateway.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the console would print while it is open, formatted by the console handler's own formatter (the JSON one in
 * the serverless builds), kept in memory; it also lets one category log at DEBUG meanwhile.
 */
public final class ConsoleJsonLines extends ExtHandler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final Logger root = LogContext.getLogContext().getLogger("");
    private final Logger category;
    private final Level categoryLevel;

    /** @param debugCategory a logger category that logs DEBUG while this is open */
    public ConsoleJsonLines(String debugCategory) {
        setFormatter(consoleFormatter(root.getHandlers()));
        category = LogContext.getLogContext().getLogger(debugCategory);
        categoryLevel = category.getLevel();
        category.setLevel(Level.FINE);
        root.addHandler(this);
    }

    @Override
    protected synchronized void doPublish(ExtLogRecord record) {
        lines.add(getFormatter().format(record));
    }

    /** Every record as the console writes it. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Each record parsed; fails if one is not exactly one JSON object on one line. */
    public List<JsonNode> records() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines()) {
            if (line.strip().contains("\n")) {
                throw new AssertionError("a log record spans several lines: " + line);
            }
            JsonNode record = JSON.readTree(line);
            if (!record.isObject()) {
                throw new AssertionError("a log record is not a JSON object: " + line);
            }
            records.add(record);
        }
        return records;
    }

    @Override
    public void close() {
        root.removeHandler(this);
        category.setLevel(categoryLevel);
    }

    private static Formatter consoleFormatter(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler) {
                return handler.getFormatter();
            }
            if (handler instanceof ExtHandler parent) {
                Formatter nested = consoleFormatter(parent.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
