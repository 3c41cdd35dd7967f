package io.realtimegateway.resilience;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the cutting proxy before the gateway and points the gateway's upstream URLs at it. */
public class CuttingProxyResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "cutting-proxy-test-key";
    private static CuttingProxy proxy;

    static CuttingProxy proxy() {
        return proxy;
    }

    @Override
    public Map<String, String> start() {
        try {
            proxy = new CuttingProxy(1.0, 6000, 20261124L);
            int port = proxy.start();
            return Map.of(
                    "gateway.upstream.target", "fal",
                    "gateway.upstream.realtime-url", "ws://127.0.0.1:" + port,
                    "gateway.upstream.token-url", "http://127.0.0.1:" + port + "/tokens/",
                    "gateway.upstream.key", KEY,
                    "gateway.simulator.enabled", "true",
                    "gateway.simulator.key", KEY);
        } catch (Exception e) {
            throw new IllegalStateException("the cutting proxy did not start", e);
        }
    }

    @Override
    public void stop() {
        proxy.close();
    }
}
