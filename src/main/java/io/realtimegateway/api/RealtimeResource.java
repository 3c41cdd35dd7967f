package io.realtimegateway.api;

import java.io.UncheckedIOException;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.invocation.InvocationEvent;
import io.realtimegateway.invocation.InvocationRequestParser;
import io.realtimegateway.invocation.InvocationResponse;
import io.realtimegateway.invocation.InvocationService;
import io.realtimegateway.protocol.AppId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Aggregated real-time invocations over HTTP: inputs in, one result per input out. Bodies are read by {@link RequestBodyReader}. */
@Path("/v1/realtime/{owner}/{alias}")
public class RealtimeResource {

    private final InvocationService service;
    private final InvocationRequestParser parser;
    private final ObjectMapper json;

    RealtimeResource(InvocationService service, InvocationRequestParser parser, ObjectMapper json) {
        this.service = service;
        this.parser = parser;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run inputs through a real-time app and return one result per input, in input order")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvocationRequestSchema.class)))
    public Uni<InvocationResponse> invoke(@RestPath String owner, @RestPath String alias, @Context RoutingContext routing) {
        return service.invoke(parser.parse(new AppId(owner, alias, ""), RequestBodyReader.parsed(routing)));
    }

    @POST
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The same, streamed: a 'result' event per input as it arrives, then a 'summary' event")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvocationRequestSchema.class)))
    public Multi<OutboundSseEvent> stream(@RestPath String owner, @RestPath String alias, @Context RoutingContext routing,
            @Context Sse sse) {
        return service.stream(parser.parse(new AppId(owner, alias, ""), RequestBodyReader.parsed(routing))).map(event -> event instanceof InvocationEvent.Outcome outcome
                ? event(sse, "result", outcome.result())
                : event(sse, "summary", ((InvocationEvent.Finished) event).summary()));
    }

    /** Written as JSON text here: an event given a media type would carry a non-standard {@code content-type} field. */
    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(String.class, json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
