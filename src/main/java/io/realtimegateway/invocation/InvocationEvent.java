package io.realtimegateway.invocation;

/** What a streamed invocation emits: each input's outcome as it arrives, then the totals. */
public sealed interface InvocationEvent {

    record Outcome(ItemResult result) implements InvocationEvent {
    }

    record Finished(Summary summary) implements InvocationEvent {
    }
}
