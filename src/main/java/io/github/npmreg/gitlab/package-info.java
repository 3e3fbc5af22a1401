/** GitLab's npm endpoints (project, group, instance) and GitLab CI detection. */
package io.github.npmreg.gitlab;
