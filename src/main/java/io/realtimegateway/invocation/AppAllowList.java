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
    /** The alias half of each pattern: fal's real-time tokens name aliases only. */
    private final List<Pattern> allowedAliases;
    private final String described;

    AppAllowList(AppsConfig config) {
        this.allowed = config.allowed().stream().map(glob -> compile(glob.trim())).toList();
        this.allowedAliases = config.allowed().stream().map(glob -> compile(aliasHalf(glob.trim()))).toList();
        this.described = String.join(", ", config.allowed());
    }

    public boolean allows(AppId app) {
        return allowed.stream().anyMatch(pattern -> pattern.matcher(app.id()).matches());
    }

    /**
     * Whether some allowed app has this alias, whatever its owner: {@code fal-ai/*} allows every alias, {@code
     * fal-ai/flux-lora-realtime} only {@code flux-lora-realtime}.
     */
    public boolean allowsAlias(String alias) {
        return allowedAliases.stream().anyMatch(pattern -> pattern.matcher(alias).matches());
    }

    /** The patterns as configured, for messages. */
    public String describe() {
        return described;
    }

    /** @throws RealtimeException {@code APP_NOT_FOUND} when the app is not allowed */
    public void check(AppId app) {
        if (!allows(app)) {
            throw new RealtimeException(ErrorCode.APP_NOT_FOUND,
                    "app " + app.id() + " is not available through this gateway (allowed: " + described + ")");
        }
    }

    private static String aliasHalf(String glob) {
        return glob.equals("*") ? "*" : glob.substring(glob.indexOf('/') + 1);
    }

    private static Pattern compile(String glob) {
        return glob.equals("*") ? Pattern.compile(".*") : Pattern.compile(Pattern.quote(glob).replace("*", "\\E[^/]*\\Q"));
    }
}
