package io.realtimegateway.api;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

/**
 * Parses one request body as exactly one JSON value, strictly and within bounds: nesting depth, number length,
 * token count and string length are capped, a name given twice and anything after the value are refused. Every
 * refusal is an {@code INVALID_INPUT} that says what is wrong and, where Jackson knows, where.
 */
final class BoundedJsonReader {

    private final ObjectReader reader;
    private final HttpEdgeConfig.Json limits;

    BoundedJsonReader(ObjectMapper base, HttpEdgeConfig.Json limits, long maxBodyBytes) {
        this.limits = limits;
        ObjectMapper mapper = base.copy();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxTokenCount(limits.maxTokens())
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                .build());
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.reader = mapper.readerFor(Object.class);
    }

    /** The body's JSON value (a map, list, string, number, boolean or null). */
    Object read(byte[] body) {
        try {
            return reader.readValue(body);
        } catch (StreamConstraintsException tooMuch) {
            throw invalid(overLimit(tooMuch));
        } catch (MismatchedInputException mismatch) {
            if (mismatch.getMessage().startsWith("No content to map")) {
                throw invalid("the request body is empty; expected a JSON object with an \"inputs\" array");
            }
            throw invalid("the body continues after its JSON value" + where(mismatch.getLocation()));
        } catch (JsonProcessingException malformed) {
            String what = String.valueOf(malformed.getOriginalMessage()).startsWith("Duplicate field") ? "names a field twice"
                    : "is not valid JSON";
            throw invalid("the body " + what + where(malformed.getLocation()));
        } catch (IOException e) {
            // Reading a byte array does no I/O; Jackson declares it anyway.
            throw invalid("the body is not valid JSON");
        }
    }

    private String overLimit(StreamConstraintsException tooMuch) {
        String reason = String.valueOf(tooMuch.getOriginalMessage());
        if (reason.contains("nesting depth")) {
            return "the body nests arrays and objects deeper than " + limits.maxDepth() + " levels (gateway.http.json.max-depth)";
        }
        if (reason.contains("Number value length")) {
            return "the body has a number longer than " + limits.maxNumberLength() + " characters (gateway.http.json.max-number-length)";
        }
        if (reason.contains("Token count")) {
            return "the body has more than " + limits.maxTokens() + " JSON tokens (gateway.http.json.max-tokens)";
        }
        if (reason.contains("Name length")) {
            return "the body has a field name longer than " + StreamReadConstraints.DEFAULT_MAX_NAME_LEN + " characters";
        }
        return "the body has a string longer than the body limit allows (gateway.invocation.max-body-size)";
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static RealtimeException invalid(String message) {
        return new RealtimeException(ErrorCode.INVALID_INPUT, message);
    }
}
