package io.github.npmreg.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.npmreg.npmrc.NpmConfig;
import io.github.npmreg.provenance.ProvenanceMode;
import io.github.npmreg.sigstore.KeylessSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The provenance options of a publish (npm's {@code provenance} and {@code provenance-file}, plus where to sign).
 *
 * @param file     a sigstore bundle made elsewhere to attach, or {@code null}
 * @param services the Fulcio and Rekor to sign with
 * @param clock    judges ID token expiry
 */
public record ProvenanceSettings(ProvenanceMode mode, Path file, KeylessSigner.Services services, Clock clock) {
    /** npm's defaults: automatic provenance, public sigstore. */
    public static final ProvenanceSettings DEFAULTS = new ProvenanceSettings(ProvenanceMode.AUTO, null,
            KeylessSigner.Services.PUBLIC, Clock.systemUTC());

    public ProvenanceSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The provenance mode npm would use: the explicit setting (the POM or {@code -Dnpmreg.provenance}), else
     * package.json {@code publishConfig.provenance}, else {@code provenance} in the .npmrc files, else automatic.
     */
    public static ProvenanceMode configuredMode(String explicit, ObjectNode manifest, NpmConfig npmrc,
            String property) {
        if (explicit != null && !explicit.isBlank()) {
            return ProvenanceMode.parse(explicit, property);
        }
        JsonNode publishConfig = manifest.get("publishConfig");
        JsonNode value = publishConfig == null ? null : publishConfig.get("provenance");
        if (value != null && !value.isNull()) {
            return ProvenanceMode.parse(value.asText(), "package.json publishConfig.provenance");
        }
        return npmrc.get("provenance").map(l -> ProvenanceMode.parse(l.value(), ".npmrc provenance ("
                + l.describe() + ")")).orElse(ProvenanceMode.AUTO);
    }
}
