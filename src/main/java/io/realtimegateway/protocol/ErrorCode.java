package io.realtimegateway.protocol;

/**
 * The stable error codes the gateway reports, for whole invocations and for single inputs.
 * Callers may switch on them; their names never change.
 */
public enum ErrorCode {
    /** Our validation, or the upstream's validation of an input. Never retried. */
    INVALID_INPUT,
    /** The upstream refused an input or a connection because of its rate limit. */
    RATE_LIMITED,
    /** The socket closed abnormally, a network error, or the upgrade failed with 5xx. */
    CONNECTION_LOST,
    /** No key, or the upstream refused the key or the token. Never retried. */
    UNAUTHORIZED,
    /** The caller is not allowed to use this endpoint at all, e.g. a page from a foreign origin on the fal proxy. */
    FORBIDDEN,
    /** No result before the deadline. */
    TIMEOUT,
    /** The app's circuit breaker is open; the call failed fast. */
    CIRCUIT_OPEN,
    /** Unknown app, or an app not on the allow-list. Never retried. */
    APP_NOT_FOUND,
    /** Any other upstream error, such as the model failing; the upstream's reason is kept. */
    UPSTREAM_ERROR,
    /** The answer reached its size limit: this output, and the inputs after it, are not in it. Never retried. */
    RESPONSE_TOO_LARGE,
    /** This instance is shutting down and takes no new invocation; another instance will (retry after Retry-After). */
    SHUTTING_DOWN
}
