package io.realtimegateway.protocol;

/** One field of an app's input, with what it accepts. */
public record InputField(String name, boolean required, String description, FieldRule rule) {
}
