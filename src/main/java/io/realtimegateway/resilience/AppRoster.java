package io.realtimegateway.resilience;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.realtimegateway.config.AppsConfig;
import io.realtimegateway.config.ResilienceConfig;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.RealtimeApps;
import io.realtimegateway.protocol.RealtimeException;

/**
 * The apps with state of their own (circuit breaker, bulkhead, learned pacing, metric series, a line on
 * {@code /q/health/ready}): the catalog's apps and the apps the allow-list names from the start, then the first
 * {@code gateway.resilience.max-apps} others once the upstream has accepted a connection to them. An app on the
 * roster stays on it. Every other app, made-up ids among them, shares one set of everything, small on purpose: no
 * number of junk ids can grow the gateway's books, or push an app in real use out of them.
 */
@ApplicationScoped
public class AppRoster {

    /** What the apps off the roster share: their metric tag, their pacing and their guards' name. */
    public static final String OTHER_APPS = "other-apps";

    private final Set<String> pinned;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final int capacity;

    @Inject
    AppRoster(AppsConfig apps, ResilienceConfig config) {
        this(apps.allowed(), config.maxApps());
    }

    /** @param allowed the allow-list's patterns: those that name one app are on the roster from the start */
    AppRoster(List<String> allowed, int capacity) {
        Set<String> named = new HashSet<>();
        RealtimeApps.ALL.stream().map(RealtimeApp::id).forEach(named::add);
        for (String pattern : allowed) {
            try {
                named.add(AppId.parse(pattern.trim()).id());
            } catch (RealtimeException wildcard) {
                // owner/* and * name no app
            }
        }
        this.pinned = Set.copyOf(named);
        this.capacity = capacity;
    }

    public boolean has(AppId app) {
        return pinned.contains(app.id()) || admitted.contains(app.id());
    }

    /** The upstream accepted a connection to the app: it joins the roster while there is room. */
    public void accepted(AppId app) {
        if (has(app)) {
            return;
        }
        synchronized (admitted) {
            if (admitted.size() < capacity) {
                admitted.add(app.id());
            }
        }
    }

    /** The app's own name for its books, or {@link #OTHER_APPS}. */
    public String key(AppId app) {
        return has(app) ? app.id() : OTHER_APPS;
    }
}
