package io.realtimegateway.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native-image registrations for msgpack-core, on behalf of {@code protocol}, which stays free of Quarkus.
 * msgpack-core chooses its buffer class by name in a static initialiser and creates buffers through that class's
 * reflected constructors. The same initialiser reads {@code Unsafe} array offsets, so it has to run when the
 * executable starts rather than during the image build (msgpack-java#864): see
 * {@code quarkus.native.additional-build-args} in application.properties.
 */
@RegisterForReflection(classNames = { "org.msgpack.core.buffer.MessageBuffer", "org.msgpack.core.buffer.MessageBufferBE",
        "org.msgpack.core.buffer.MessageBufferU" }, methods = false, fields = false)
public final class MsgpackNativeImage {

    private MsgpackNativeImage() {
    }
}
