package io.realtimegateway.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which apps callers may reach. */
@ConfigMapping(prefix = "gateway.apps")
public interface AppsConfig {

    /** App id patterns: {@code owner/alias}, {@code owner/*} or {@code *}. Others answer 404 {@code APP_NOT_FOUND}. */
    @WithDefault("fal-ai/*")
    List<String> allowed();
}
