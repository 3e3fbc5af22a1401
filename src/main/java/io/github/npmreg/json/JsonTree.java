package io.github.npmreg.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Jackson trees read and written with jackson-core's streaming parser and generator only, giving the same nodes and
 * text as {@code new ObjectMapper().readTree(…)} / {@code writeValueAsString(…)} with default settings.
 *
 * <p>Why not ObjectMapper: building the first one costs a cold build about 300 classes (the serializer and
 * deserializer factories, type and annotation introspection) and ~200 ms, for goals that only read and write
 * JSON trees. Numbers become the nodes ObjectMapper makes (int, long or BigInteger; double for fractions); a
 * repeated key keeps its first position and its last value, as {@code JSON.parse} does.
 */
public final class JsonTree {
    /** The shared factory (thread-safe once configured). */
    public static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The first JSON value of {@code text} ({@link MissingNode} when there is none); what follows is ignored. */
    public static JsonNode read(String text) throws IOException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return orMissing(read(parser));
        }
    }

    /** {@link #read(String)} of UTF-8 (or BOM-detected) bytes. */
    public static JsonNode read(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            return orMissing(read(parser));
        }
    }

    /** {@link #read(String)} of a file. */
    public static JsonNode read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    /** The next value of {@code parser}, or {@code null} at the end of its input. */
    public static JsonNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken() != null ? parser.currentToken() : parser.nextToken();
        return token == null ? null : value(parser, token);
    }

    private static JsonNode orMissing(JsonNode node) {
        return node == null ? MissingNode.getInstance() : node;
    }

    private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    object.replace(name, value(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    array.add(value(p, t));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected JSON token " + token + " at " + p.currentLocation());
        }
    }

    /** Compact JSON, as {@code ObjectMapper.writeValueAsString}. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        write(node, out, false);
        return out.toString();
    }

    /** Indented JSON, as ObjectMapper with {@code INDENT_OUTPUT} (Jackson's default pretty printer), in UTF-8. */
    public static byte[] writePretty(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonNode node, Writer out, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT: {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
                return;
            }
            case ARRAY: {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(element, g);
                }
                g.writeEndArray();
                return;
            }
            case STRING:
                g.writeString(node.textValue());
                return;
            case NUMBER:
                switch (node.numberType()) {
                    case INT:
                        g.writeNumber(node.intValue());
                        return;
                    case LONG:
                        g.writeNumber(node.longValue());
                        return;
                    case BIG_INTEGER:
                        g.writeNumber(node.bigIntegerValue());
                        return;
                    case FLOAT:
                        g.writeNumber(node.floatValue());
                        return;
                    case DOUBLE:
                        g.writeNumber(node.doubleValue());
                        return;
                    default:
                        g.writeNumber(node.decimalValue());
                        return;
                }
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                return;
            case NULL:
                g.writeNull();
                return;
            default:
                throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
        }
    }
}
