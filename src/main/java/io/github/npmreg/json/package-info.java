/**
 * JSON trees without Jackson's ObjectMapper ({@link io.github.npmreg.json.JsonTree}): the goals read and write
 * package.json, packuments and publish bodies as trees, and the streaming parser and generator are all that needs.
 */
package io.github.npmreg.json;
