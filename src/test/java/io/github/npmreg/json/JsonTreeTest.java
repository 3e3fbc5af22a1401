package io.github.npmreg.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** JsonTree gives the nodes and text ObjectMapper gives (its default settings), which the goals relied on before. */
class JsonTreeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"@s/x\",\"version\":\"1.0.0\",\"files\":[\"a\",\"b/\"],\"private\":false,\"x\":null}",
        "{\"n\":[0,-0,1,-1,2147483647,2147483648,-2147483649,9223372036854775807,9223372036854775808,"
                + "123456789012345678901234567890]}",
        "{\"f\":[0.0,-0.0,1.5,1e3,1E-7,2.5e+20,1e400,-1e400,0.1,123456789.123456789,5e-324]}",
        "{\"dup\":1,\"other\":2,\"dup\":{\"a\":[]}}",
        "{\"s\":\"\\u0000\\u001f\\\"\\\\/\\b\\f\\n\\r\\t\\u2028\\ud83d\\ude00 é\",\"empty\":{},\"e\":[],\"nested\":[[[{}]]]}",
        "[1,\"two\",true,false,null,{\"k\":[{\"k\":{}}]}]",
        "\"just a string\"",
        "42",
        "{\"a\":1} trailing is ignored, as readTree ignores it"})
    void readsAndWritesAsObjectMapper(String json) throws Exception {
        JsonNode ours = JsonTree.read(json);
        JsonNode theirs = MAPPER.readTree(json);
        assertSameTree(theirs, ours);
        assertSameTree(theirs, JsonTree.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(MAPPER.writeValueAsString(theirs), JsonTree.write(ours));
        assertArrayEquals(MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(theirs),
                JsonTree.writePretty(ours));
    }

    @Test
    void emptyInputIsMissingAsWithReadTree() throws Exception {
        assertTrue(JsonTree.read("").isMissingNode());
        assertTrue(JsonTree.read("   ").isMissingNode());
        assertEquals(MAPPER.readTree(""), JsonTree.read(""));
    }

    @Test
    void malformedJsonFailsWithJacksonsException() {
        assertThrows(JsonProcessingException.class, () -> JsonTree.read("{\"a\":1,}"));
        assertThrows(JsonProcessingException.class, () -> JsonTree.read("{\"a\" 1}"));
        assertThrows(JsonProcessingException.class, () -> JsonTree.read("[1, 2"));
    }

    /** Equal values, the same node classes (IntNode vs LongNode vs BigIntegerNode...) and the same key order. */
    private static void assertSameTree(JsonNode expected, JsonNode actual) {
        assertEquals(expected.getClass(), actual.getClass(), () -> "node class of " + expected);
        assertEquals(expected, actual);
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> e = expected.fields();
            Iterator<Map.Entry<String, JsonNode>> a = actual.fields();
            while (e.hasNext()) {
                Map.Entry<String, JsonNode> x = e.next();
                Map.Entry<String, JsonNode> y = a.next();
                assertEquals(x.getKey(), y.getKey(), "key order");
                assertSameTree(x.getValue(), y.getValue());
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameTree(expected.get(i), actual.get(i));
            }
        }
    }
}
