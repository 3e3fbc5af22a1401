// A GitLab with project 42 (acme/tools/ci-pkg) and the job token of a pipeline in it; it outlives this script
// (ItGitLab holds it) and verify.groovy stops it. Forwarding is off so nothing depends on npmjs.org.
import io.github.npmreg.testing.ItGitLab

ItGitLab.start(itGitLabPortCi).project(42, 'acme/tools/ci-pkg').jobToken('glcbt-64_ciDeployJobToken42', 42)
        .forwarding(false)
return true
