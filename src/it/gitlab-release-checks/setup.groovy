// Project 42 (acme/tools/hello) with a protection rule for @acme/guarded*, a Maintainer's token, and GitLab's
// asynchronous upload path (the version shows two seconds after the PUT).
import io.github.npmreg.testing.ItGitLab
import java.time.Duration

ItGitLab.start(itGitLabPortRelease).project(42, 'acme/tools/hello').forwarding(false)
        .personalAccessToken('glpat-itReleaseChecks0001', 'api')
        .protectionRule(42, '@acme/guarded*', 'owner')
        .asynchronousProcessing(Duration.ofSeconds(2))
return true
