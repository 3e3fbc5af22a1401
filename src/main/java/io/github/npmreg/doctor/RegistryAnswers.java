package io.github.npmreg.doctor;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.registry.RegistryDiagnosis;
import io.github.npmreg.registry.RegistryException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a registry's error answer into a finding through {@link RegistryDiagnosis}, the same diagnosis
 * {@code publish} fails with, so a finding and a failed publish name the same cause and fix.
 */
final class RegistryAnswers {
    private RegistryAnswers() {}

    static Finding finding(FindingKind kind, String check, URI url, Network.Answer answer, Credentials sent) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> e : answer.headers().entrySet()) {
            if (e.getKey() != null && !e.getValue().isEmpty()) {
                headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
        RegistryException diagnosis = RegistryDiagnosis.explain("GET", url, answer.status(), headers,
                answer.body() == null ? "" : answer.body(), sent.toString(), -1);
        return Finding.of(kind, check, diagnosis.problem(), diagnosis.fix());
    }
}
