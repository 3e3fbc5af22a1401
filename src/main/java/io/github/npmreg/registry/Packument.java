package io.github.npmreg.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A package document as the registry serves it ({@code GET /<escapedName>}, {@code Accept: application/json}). */
public record Packument(ObjectNode json) {
    public Packument {
        Objects.requireNonNull(json, "json");
    }

    public List<String> versions() {
        List<String> out = new ArrayList<>();
        JsonNode versions = json.path("versions");
        versions.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public boolean hasVersion(String version) {
        return json.path("versions").has(version);
    }

    /** {@code versions[v].dist.integrity}, if the registry lists it. */
    public Optional<String> integrityOf(String version) {
        return text(json.path("versions").path(version).path("dist").path("integrity"));
    }

    /** {@code versions[v].dist.shasum}, for registries that list no integrity. */
    public Optional<String> shasumOf(String version) {
        return text(json.path("versions").path(version).path("dist").path("shasum"));
    }

    /** {@code versions[v].dist.tarball}: where the registry serves the file (never build this URL yourself). */
    public Optional<String> tarballOf(String version) {
        return text(json.path("versions").path(version).path("dist").path("tarball"));
    }

    public Map<String, String> distTags() {
        Map<String, String> out = new TreeMap<>();
        json.path("dist-tags").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * Whether the stored version is the tarball we hold: same integrity, or same shasum where the registry lists
     * no integrity. Empty when the version is absent or lists neither.
     */
    public Optional<Boolean> matches(String version, String integrity, String shasum) {
        if (!hasVersion(version)) {
            return Optional.empty();
        }
        Optional<String> theirs = integrityOf(version);
        if (theirs.isPresent()) {
            return Optional.of(theirs.get().equals(integrity));
        }
        return shasumOf(version).map(s -> s.equalsIgnoreCase(shasum));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
