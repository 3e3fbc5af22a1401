/**
 * npm registry HTTP: packument lookups, the streamed publish PUT, retries that never publish twice, and the
 * diagnosis of registry errors ({@link io.github.npmreg.registry.RegistryDiagnosis}) shared with the doctor.
 *
 * <p>Entry point: one {@link io.github.npmreg.registry.RegistryClient} per build, configured by a
 * {@link io.github.npmreg.registry.RegistryClientConfig}. Secrets never reach a log: our own lines go through a
 * redacting log, and httpclient's header and wire logging (slf4j loggers {@code org.apache.hc.client5.http.headers}
 * and {@code .wire}, which {@code mvn -X} switches on) is removed at the source by
 * {@link io.github.npmreg.registry.QuietConnection}.
 */
package io.github.npmreg.registry;
