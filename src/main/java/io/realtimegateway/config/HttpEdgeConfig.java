package io.realtimegateway.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What the HTTP edge accepts from a caller before any invocation starts: request line, headers and JSON bodies
 * within bounds, and bodies and follow-up requests within deadlines (the body size itself is
 * {@code gateway.invocation.max-body-size}).
 */
@ConfigMapping(prefix = "gateway.http")
public interface HttpEdgeConfig {

    /** Longest request line (method, path, query, version); longer ones answer 414. */
    @WithDefault("4096")
    int maxRequestLine();

    /** Largest total of the request's header lines; larger ones answer 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    /** A request body may take this long, plus one second per {@link #bodyMinRate()} bytes received; then 408. */
    @WithDefault("10s")
    Duration bodyTimeout();

    /** The least average rate, in bytes per second, at which a body must keep arriving after {@link #bodyTimeout()}. */
    @WithDefault("16K")
    MemorySize bodyMinRate();

    /** After a response, the next request on the same connection must arrive (line and headers) within this, or it closes. */
    @WithDefault("60s")
    Duration keepAliveTimeout();

    Json json();

    /** Bounds on the JSON of request bodies, so that a small body cannot cost much to parse or hold. */
    interface Json {

        /** Deepest nesting of arrays and objects. */
        @WithDefault("64")
        int maxDepth();

        /** Most characters in one number. */
        @WithDefault("100")
        int maxNumberLength();

        /** Most tokens (names, values, brackets) in one body. */
        @WithDefault("100000")
        int maxTokens();
    }
}
