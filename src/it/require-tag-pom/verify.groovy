// requireTag judges the POM's version in verify exactly as in deploy.
import io.github.npmreg.testing.ItRegistry

def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD SUCCESS') || it.contains('BUILD FAILURE') }
assert runs.size() == 3 : "expected 3 Maven runs, found ${runs.size()}"
assert !runs[0].contains('v0.0.0') && !runs[0].contains('version to publish is 0.0.0') : 'package.json\'s version must not be judged'
for (run in [runs[0], runs[1]]) {
    assert run.contains('release-tag-version-mismatch') : run
    assert run.contains("the build runs for tag 'v2.0.0' (CI_COMMIT_TAG), but the version to publish is 2.0.1") : run
    assert run.contains('bump the project <version> in pom.xml to 2.0.0') : run
}
assert !runs[1].contains('Publishing @it/require-tag-pom') : 'nothing may be uploaded for the wrong tag'
assert runs[2].contains('Release tag v2.0.0 matches version 2.0.0')
assert runs[2].contains('+ @it/require-tag-pom@2.0.0 (tag latest)')
def view = reg.view(basedir.toPath().resolve('target/verify/view'), '@it/require-tag-pom')
assert view.path('versions').collect { it.asText() } == ['2.0.0']
return true
