package io.realtimegateway.protocol;

/** What is wrong with one field of an input. */
public record Violation(String field, String problem) {

    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
