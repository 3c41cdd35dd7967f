package io.realtimegateway.api;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * App ids travel in the URL path. A path that only normalises into one (empty, '.' or '..' segments, encoded dots)
 * or hides a separator in a segment is refused rather than read as an app the caller did not spell out.
 */
@ApplicationScoped
class AppPathGuard implements Handler<RoutingContext> {

    /** An encoded slash or backslash would pack two segments' worth of app id into one path segment. */
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2[fF]|5[cC])");

    private final ErrorRenderer errors;

    AppPathGuard(ErrorRenderer errors) {
        this.errors = errors;
    }

    @Override
    public void handle(RoutingContext context) {
        String path = context.request().path();
        if (!path.equals(context.normalizedPath()) || ENCODED_SEPARATOR.matcher(path).find()) {
            errors.send(context, 400, new RealtimeException(ErrorCode.INVALID_INPUT,
                    "the app id in the URL must be owner/alias, without empty, '.' or '..' segments or encoded '/' or '\\'"));
            return;
        }
        context.next();
    }
}
