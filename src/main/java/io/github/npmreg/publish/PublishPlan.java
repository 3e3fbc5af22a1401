package io.github.npmreg.publish;

import io.github.npmreg.auth.Credentials;
import io.github.npmreg.auth.SelectedRegistry;
import io.github.npmreg.manifest.PackageName;
import java.util.List;

/**
 * What a publish will do, decided before anything is sent: the registry and why, the credentials and where they
 * came from, the dist-tag and access. {@code verify} shows the same plan.
 *
 * @param trustedPublishing no credentials are configured and an OIDC ID token will be exchanged for a publish
 *                          token right before the upload (npm trusted publishing)
 * @param notes warnings worth showing (e.g. an .npmrc key npm itself would not accept)
 */
public record PublishPlan(
        PackageName name,
        String version,
        SelectedRegistry registry,
        Credentials credentials,
        String tag,
        String access,
        boolean trustedPublishing,
        List<String> notes) {

    public PublishPlan {
        notes = List.copyOf(notes);
    }
}
