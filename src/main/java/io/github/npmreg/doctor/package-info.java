/**
 * The troubleshooter: checks that turn a broken setup into findings with a cause, evidence and fix.
 *
 * <p>How {@code verify} (and {@code publish}'s preflight) use it:
 * <pre>{@code
 * DoctorContext.Builder b = SetupReader.read(packageDir, explicitRegistry,
 *         NpmrcFiles.load(packageDir, env, userHome), serverFacts, serverCredentials, env);
 * // the proxy and trust of the one RegistryClient of the build, chosen for b.registry().url()
 * b.network(offline ? null : new RegistryClientNetwork(client, clientConfig))
 *  .clock(Clock.systemUTC()).tag(tag).requireTag(requireTag).trustedPublishing(oidc).provenance(provenance)
 *  .tarball(packedTarballOrNull);
 * Report report = Doctor.standard().run(b.build(), Doctor.categoriesFor(offline));   // verify
 * Report report = Doctor.standard().preflight(b.build());                             // publish, before the PUT
 * log(report.toText()); report.writeJson(target.resolve("npmreg/verify.json")); if (report.failed()) fail;
 * }</pre>
 * Every finding a check can emit is a {@link io.github.npmreg.doctor.FindingKind}; {@code docs/troubleshooting.md}
 * is generated from that list by {@link io.github.npmreg.doctor.TroubleshootingDoc}.
 */
package io.github.npmreg.doctor;
