package io.realtimegateway.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link PlaygroundInBrowser} against the packaged application (the jar, or the native executable in a native build):
 * the page, its scripts and styles served from the application's resources, and what the browser does with them.
 */
@QuarkusIntegrationTest
class PlaygroundBrowserIT extends PlaygroundInBrowser {
}
