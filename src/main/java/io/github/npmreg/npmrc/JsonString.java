package io.github.npmreg.npmrc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code JSON.parse} of a quoted ini value, keeping the text when it is not a JSON string (as {@code ini} does). */
final class JsonString {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonString() {}

    static String parseOrKeep(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node != null && node.isValueNode() && !node.isNull()) {
                return node.asText();
            }
        } catch (JsonProcessingException e) {
            // ini keeps the raw text when JSON.parse fails
        }
        return text;
    }
}
