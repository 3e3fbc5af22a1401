// GitLab's rules known before the upload, in CI or not; the upload waited for until GitLab lists it.
import io.github.npmreg.testing.ItGitLab

def server = ItGitLab.current()
try {
    def log = new File(basedir, 'build.log').text
    def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD SUCCESS') || it.contains('BUILD FAILURE') }
    assert runs.size() == 4 : "expected 4 Maven runs, found ${runs.size()}"
    // 1: a warning naming the root namespace and the rename; verify passes.
    assert runs[0].contains('[WARN] scope differs from the GitLab root namespace (gitlab-scope-not-root-namespace)') : runs[0]
    assert runs[0].contains("the top-level namespace 'acme'") && runs[0].contains('"name": "@acme/scope-pkg"')
    assert runs[0].contains('verify passed')
    // 2: the protection rule with its pattern and the role it needs (the preflight runs the same check).
    assert runs[1].contains('gitlab-package-protected') : runs[1]
    assert runs[1].contains("protection rule '@acme/guarded*'") && runs[1].contains('needs owner') : runs[1]
    // 3: publish-config refused the group URL; pack never ran.
    assert runs[2].contains("group-level (group 'acme') GitLab npm URL") : runs[2]
    assert runs[2].contains(':publish-config (default)') && !runs[2].contains('Tarball Contents')
    // Only the last run uploads, to the project endpoint; it waited for the background processing.
    def puts = server.requests().findAll { it.method() == 'PUT' }
    assert puts*.rawPath() == ['/api/v4/projects/42/packages/npm/@tools%2fscope-pkg'] : puts*.rawPath()
    assert runs[3].contains('Waiting for GitLab to process @tools/scope-pkg@1.0.0') : runs[3]
    assert runs[3].contains('+ @tools/scope-pkg@1.0.0 (tag latest)')
    assert runs[3].findAll(/Publish registry from <gitlab>/).isEmpty() : 'the old double log line is gone'
    assert runs[3].findAll(/Release @tools\/scope-pkg@1\.0\.0 .*\(<gitlab> in the plugin configuration\)/).size() == 1 : runs[3]
    assert !runs[3].contains("the plugin's registry parameter") : 'the source is <gitlab>, named once'
    assert server.stored(42, '@tools/scope-pkg', '1.0.0').isPresent()
    assert !log.contains('glpat-itReleaseChecks0001') : 'the token leaked into the build log'
} finally {
    ItGitLab.stop()
}
return true
