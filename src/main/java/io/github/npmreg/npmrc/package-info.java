/** .npmrc files: parse npm's ini dialect, expand {@code ${VAR}}, nerf-dart keys, credential lookup as npm does it, owner-only atomic writing. */
package io.github.npmreg.npmrc;
