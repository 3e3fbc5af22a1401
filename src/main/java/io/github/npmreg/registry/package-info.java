/** npm registry HTTP: packument, streamed publish PUT, retries, diagnosis of registry errors. */
package io.github.npmreg.registry;
