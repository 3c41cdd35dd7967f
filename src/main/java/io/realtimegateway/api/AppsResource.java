package io.realtimegateway.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtimegateway.invocation.AppAllowList;
import io.realtimegateway.protocol.AppId;
import io.realtimegateway.protocol.FieldRule;
import io.realtimegateway.protocol.ImageSize;
import io.realtimegateway.protocol.InputField;
import io.realtimegateway.protocol.RealtimeApp;
import io.realtimegateway.protocol.RealtimeApps;

/** The known real-time apps callers may use, with their input fields. */
@Path("/v1/apps")
public class AppsResource {

    @RegisterForReflection
    public record AppDescription(String id, String kind, String summary, List<FieldDescription> fields, List<String> requiresOneOf) {
    }

    /**
     * One input field. {@code minimum}/{@code maximum} bound numbers, {@code options} lists the named values (image size
     * presets); each is absent where it does not apply, so that forms can be built from the listing.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldDescription(String name, String type, boolean required, String accepts, String description, Number minimum,
            Number maximum, List<String> options) {
    }

    private final AppAllowList allowList;

    AppsResource(AppAllowList allowList) {
        this.allowList = allowList;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The known real-time apps and their input fields")
    public List<AppDescription> apps() {
        return RealtimeApps.ALL.stream().filter(app -> allowList.allows(AppId.parse(app.id()))).map(AppsResource::describe).toList();
    }

    private static AppDescription describe(RealtimeApp app) {
        return new AppDescription(app.id(), app.kind().name().toLowerCase(), app.summary(),
                app.fields().stream().map(AppsResource::describe).toList(), app.oneOfRequired());
    }

    private static FieldDescription describe(InputField field) {
        FieldRule rule = field.rule();
        Number minimum = null;
        Number maximum = null;
        List<String> options = null;
        if (rule instanceof FieldRule.WholeNumber whole && whole.min() != Long.MIN_VALUE) {
            minimum = whole.min();
            maximum = whole.max();
        } else if (rule instanceof FieldRule.Decimal decimal) {
            minimum = decimal.min();
            maximum = decimal.max();
        } else if (rule instanceof FieldRule.ImageSizeChoice) {
            options = List.copyOf(ImageSize.PRESETS.keySet());
        }
        return new FieldDescription(field.name(), rule.type(), field.required(), rule.accepts(), field.description(), minimum, maximum, options);
    }
}
