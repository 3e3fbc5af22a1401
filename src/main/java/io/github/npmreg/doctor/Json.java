package io.github.npmreg.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;

/** Lenient JSON reading for registry answers: anything unreadable is an empty node, which the checks report. */
final class Json {

    private Json() {}

    static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = io.github.npmreg.json.JsonTree.read(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String text(JsonNode node, String field) {
        return DoctorContext.text(node, field);
    }
}
