package io.realtimegateway.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.opentelemetry.api.trace.SpanContext;

class XRayTraceHeaderTest {

    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String TRACE_ID = "5759e988bd862e3fe1be46a994272793";
    private static final String PARENT = "53995c3f42cd8ad8";

    @Test
    void awsExampleHeaderNamesTheTraceAndTheParentSpanAsARemoteSampledContext() {
        SpanContext context = XRayTraceHeader.parse("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1").orElseThrow();
        assertEquals(TRACE_ID, context.getTraceId(), "X-Ray's time and random parts together are the W3C trace id");
        assertEquals(PARENT, context.getSpanId());
        assertTrue(context.isSampled());
        assertTrue(context.isRemote());
    }

    @Test
    void sampledZeroGivesAnUnsampledContext() {
        SpanContext context = XRayTraceHeader.parse("Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=0;Lineage=a87bd80c:1|68fd508a:5").orElseThrow();
        assertFalse(context.isSampled());
        assertEquals(TRACE_ID, context.getTraceId());
    }

    /** As AWS's own propagator: a trace whose sampling is undecided starts afresh, and the gateway's sampler decides. */
    @ParameterizedTest
    @ValueSource(strings = {";Sampled=?", ";Sampled=yes", "", ";Lineage=a87bd80c:1|68fd508a:5"})
    void anUndecidedSamplingNamesNoContext(String field) {
        assertEquals(Optional.empty(), XRayTraceHeader.parse("Root=" + ROOT + ";Parent=" + PARENT + field));
    }

    @Test
    void fieldsAreReadInAnyOrderWithSpacesAndUnknownFieldsAround() {
        Optional<SpanContext> context = XRayTraceHeader.parse("Lineage=a87bd80c:1; Sampled=1 ;Parent=" + PARENT + ";Future=x;Root=" + ROOT);
        assertEquals(TRACE_ID, context.orElseThrow().getTraceId());
        assertEquals(PARENT, context.orElseThrow().getSpanId());
        assertTrue(context.orElseThrow().isSampled());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            // A load balancer's header: a trace, but no span to hang ours under.
            "Root=" + ROOT, "Self=1-67891234-12456789abcdef012345678;Root=" + ROOT,
            "Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8", // an unknown version
            "Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8", // a random part too short
            "Root=1-5759E988-BD862E3FE1BE46A994272793;Parent=53995c3f42cd8ad8", // upper case
            "Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8", // the invalid all-zero trace
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000", // the invalid all-zero span
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad", // a parent too short
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent", "garbage", ";;;=;"})
    void aHeaderThatNamesNoValidSpanGivesNone(String header) {
        assertEquals(Optional.empty(), XRayTraceHeader.parse(header));
    }

    @Test
    void anOverlongHeaderIsRefusedUnread() {
        String valid = "Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1;Lineage=";
        assertTrue(XRayTraceHeader.parse(valid + "x".repeat(XRayTraceHeader.MAX_LENGTH - valid.length())).isPresent());
        assertEquals(Optional.empty(), XRayTraceHeader.parse(valid + "x".repeat(XRayTraceHeader.MAX_LENGTH - valid.length() + 1)));
    }
}
