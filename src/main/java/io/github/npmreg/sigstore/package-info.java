/**
 * Keyless signing with sigstore, as sigstore-js ({@code @sigstore/sign} 5.1, {@code @sigstore/bundle} 5.0) does it
 * for npm's {@code sigstore.attest(payload, 'application/vnd.in-toto+json')}: an ephemeral EC P-256 key, a DSSE
 * envelope over the payload, a short-lived certificate from Fulcio ({@code POST /api/v2/signingCert}), a Rekor v1
 * {@code dsse} entry ({@code POST /api/v1/log/entries}) and the sigstore bundle v0.3 JSON that npm attaches to a
 * publish.
 *
 * <p>Why not sigstore-java: its DSSE attestation path ({@code KeylessSigner.attest}) requires Rekor v2 and a
 * timestamp authority, and its Rekor v1 client only uploads {@code hashedrekord} entries, so it cannot make the
 * bundle npm makes; it also brings gRPC, protobuf and the Google HTTP client into the plugin. The JDK's EC and X.509
 * support, Jackson and the plugin's httpclient5 cover what is needed.
 *
 * <p>The ID token is a secret: it goes into the Fulcio request body and nowhere else (no log line, no exception).
 */
package io.github.npmreg.sigstore;
