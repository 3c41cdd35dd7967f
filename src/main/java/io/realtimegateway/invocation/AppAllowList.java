package io.realtimegateway.invocation;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtimegateway.config.AppsConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** Which apps callers may reach ({@code gateway.apps.allowed}): {@code owner/alias}, {@code owner/*} or {@code *}. */
@ApplicationScoped
public class AppAllowList {

    private final List<Pattern> allowed;
    private final String described;

    AppAllowList(AppsConfig config) {
        this.allowed = config.allowed().stream()
                .map(glob -> glob.trim().equals("*") ? Pattern.compile(".*")
                        : Pattern.compile(Pattern.quote(glob.trim()).replace("*", "\\E[^/]*\\Q")))
                .toList();
        this.described = String.join(", ", config.allowed());
    }

    public boolean allows(AppId app) {
        return allowed.stream().anyMatch(pattern -> pattern.matcher(app.id()).matches());
    }

    /** @throws RealtimeException {@code APP_NOT_FOUND} when the app is not allowed */
    public void check(AppId app) {
        if (!allows(app)) {
            throw new RealtimeException(ErrorCode.APP_NOT_FOUND,
                    "app " + app.id() + " is not available through this gateway (allowed: " + described + ")");
        }
    }
}
