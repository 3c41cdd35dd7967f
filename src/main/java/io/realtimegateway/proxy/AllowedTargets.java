package io.realtimegateway.proxy;

import java.util.List;

import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/** The fal URLs the proxy forwards to ({@code gateway.proxy.allowed-targets}); nothing else leaves through it. */
final class AllowedTargets {

    private final List<TargetPattern> patterns;
    private final String described;

    AllowedTargets(List<String> patterns) {
        this.patterns = patterns.stream().map(TargetPattern::parse).toList();
        this.described = String.join(", ", this.patterns.stream().map(TargetPattern::text).toList());
    }

    /** @throws RealtimeException {@code INVALID_INPUT} naming what is allowed, when the target is not */
    void check(ProxyTarget target) {
        if (patterns.stream().noneMatch(pattern -> pattern.matches(target))) {
            throw new RealtimeException(ErrorCode.INVALID_INPUT, "this proxy does not forward to " + target
                    + "; allowed targets (https only): " + described + " (gateway.proxy.allowed-targets)");
        }
    }
}
