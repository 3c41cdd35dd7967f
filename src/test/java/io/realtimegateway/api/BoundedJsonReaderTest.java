package io.realtimegateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtimegateway.config.HttpEdgeConfig;
import io.realtimegateway.protocol.ErrorCode;
import io.realtimegateway.protocol.RealtimeException;

class BoundedJsonReaderTest {

    private static final HttpEdgeConfig.Json LIMITS = new HttpEdgeConfig.Json() {
        public int maxDepth() {
            return 4;
        }

        public int maxNumberLength() {
            return 10;
        }

        public int maxTokens() {
            return 50;
        }
    };

    private final BoundedJsonReader reader = new BoundedJsonReader(new ObjectMapper(), LIMITS, 1000);

    @Test
    void readsOneValueWithJacksonsUsualTypes() {
        assertEquals(Map.of("a", List.of(1, 2_147_483_648L, 1.5, "x", true)), read("{\"a\":[1,2147483648,1.5,\"x\",true]}"));
        assertEquals(List.of(1), read(" [1] \n"));
    }

    @Test
    void refusesWhatComesAfterTheValue() {
        assertEquals("the body continues after its JSON value (line 1, column 9)", refusal("{\"a\":1} {\"b\":2}"));
        assertEquals("the body is not valid JSON (line 1, column 8)", refusal("{\"a\":1}xyz"));
    }

    @Test
    void refusesDepthNumbersTokensAndStringsOverTheirLimits() {
        read("[[[[1]]]]");
        assertEquals("the body nests arrays and objects deeper than 4 levels (gateway.http.json.max-depth)", refusal("[[[[[1]]]]]"));
        read("1234567890");
        assertEquals("the body has a number longer than 10 characters (gateway.http.json.max-number-length)", refusal("[12345678901]"));
        assertEquals("the body has more than 50 JSON tokens (gateway.http.json.max-tokens)", refusal("[" + "0,".repeat(60) + "0]"));
        assertEquals("the body has a string longer than the body limit allows (gateway.invocation.max-body-size)",
                refusal("[\"" + "x".repeat(1001) + "\"]"));
    }

    @Test
    void refusesEmptinessDuplicatesAndMalformedText() {
        assertEquals("the request body is empty; expected a JSON object with an \"inputs\" array", refusal(""));
        assertEquals("the request body is empty; expected a JSON object with an \"inputs\" array", refusal(" \r\n"));
        assertEquals("the body names a field twice (line 1, column 11)", refusal("{\"a\":1,\"a\":2}"));
        assertEquals("the body is not valid JSON (line 1, column 6)", refusal("{\"a\":"));
        assertEquals("the body is not valid JSON (line 1, column 2)", refusal("{\u0000}"));
    }

    private Object read(String json) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private String refusal(String json) {
        RealtimeException refused = assertThrows(RealtimeException.class, () -> read(json));
        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
        return refused.getMessage();
    }
}
