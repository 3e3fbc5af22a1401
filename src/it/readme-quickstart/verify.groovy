// verify alone judges exactly what deploy publishes: the POM's version, before and after publishing.
import io.github.npmreg.testing.ItRegistry

def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD SUCCESS') || it.contains('BUILD FAILURE') }
assert runs.size() == 6 : "expected 6 Maven runs in build.log, found ${runs.size()}"

// 1: before the first publish verify passes, judging 1.0.0 (the POM), not 0.0.0 (package.json).
assert runs[0].contains('verify passed') : runs[0]
assert runs[0].contains('@it/readme-quickstart@1.0.0') : 'verify must judge the POM version'
assert !runs[0].contains('@it/readme-quickstart@0.0.0')
// 2: published 1.0.0, and the log names each source once: the version from the POM, the registry parameter.
assert runs[1].contains('+ @it/readme-quickstart@1.0.0 (tag latest)')
assert runs[1].findAll(/Release @it\/readme-quickstart@1\.0\.0 \(version from the POM's <version>/).size() == 1 : runs[1]
assert runs[1].contains("(the plugin's registry parameter)")
assert !runs[1].contains('publishConfig["@it:registry"]') : 'the staged publishConfig must not be named as the source'
// 3: now it exists: version-exists, and the fix bumps the POM.
assert runs[2].contains('[FAIL] this version is already published (version-exists)') : runs[2]
assert runs[2].contains('bump the project <version> in pom.xml to 1.0.1')
assert !runs[2].contains('dist-tag-backwards')
// 4: 1.1.0 holds latest.
assert runs[3].contains('+ @it/readme-quickstart@1.1.0 (tag latest)')
// 5: still version-exists for 1.0.0, whatever the tags say.
assert runs[4].contains('(version-exists)') && !runs[4].contains('dist-tag-backwards') : runs[4]
// 6: skipExisting: the rerun succeeds and publishes nothing.
assert runs[5].contains('= @it/readme-quickstart@1.0.0 is already in') : runs[5]
assert runs[5].contains('BUILD SUCCESS') && !runs[5].contains('Publishing @it/readme-quickstart')

def view = reg.view(basedir.toPath().resolve('target/verify/view'), '@it/readme-quickstart')
assert view.path('dist-tags').path('latest').asText() == '1.1.0'
assert !log.contains(reg.token()) : 'the token leaked into the build log'
// Outputs are readable as npm's are; only the .npmrc would be owner-only.
def tarball = new File(basedir, 'target/it-readme-quickstart-1.0.0.tgz').toPath()
def probe = new File(basedir, 'target/umask-probe').toPath()
java.nio.file.Files.newOutputStream(probe).close()
def umaskMode = java.nio.file.Files.getPosixFilePermissions(probe)
for (f in [tarball, new File(basedir, 'target/npmreg/pack.json').toPath(), new File(basedir, 'target/npmreg/package.json').toPath()]) {
    assert java.nio.file.Files.getPosixFilePermissions(f) == umaskMode : "${f} is ${java.nio.file.Files.getPosixFilePermissions(f)}, the umask gives ${umaskMode}"
}
return true
