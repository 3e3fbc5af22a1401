// The npm packaging: only npmreg's goals and install/deploy run; the tarball is the project's main artifact
// (installed as npm-packaging-1.0.0.tgz, the same bytes as target/it-native-pkg-1.0.0.tgz); deploy publishes it
// to the npm registry, and only deployToMavenRepository also deploys it to the Maven repository.
import io.github.npmreg.testing.ItRegistry

def log = new File(basedir, 'build.log').text
def tarball = new File(basedir, 'target/it-native-pkg-1.0.0.tgz')
assert tarball.isFile()

// 1. install: nothing but npmreg's goals and install ran, and the tgz is in the local repository.
['compiler:', 'surefire:', 'jar:', 'resources:', 'maven-compiler-plugin', 'maven-jar-plugin'].each {
    assert !log.contains(it) : "the npm packaging ran ${it}"
}
['npmrc (default-npmrc)', 'publish-config (default-publish-config)', 'pack (default-pack)', 'install (default-install)'].each {
    assert log.contains(it) : "the npm lifecycle did not run ${it}"
}
def installed = new File(localRepositoryPath, 'io/github/npmreg/it/npm-packaging/1.0.0/npm-packaging-1.0.0.tgz')
assert installed.isFile() : "not installed: ${installed}"
assert installed.bytes == tarball.bytes : 'the installed artifact is not the packed tarball'
assert !new File(basedir, 'target/npm-packaging-1.0.0.jar').exists()

// 2. deploy: published to the npm registry, installable with npm; no Maven deployment.
def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
def view = reg.view(tmp.resolve('view'), '@it/native-pkg@1.0.0')
assert view != null : 'not in the registry'
assert reg.installAndRun(tmp.resolve('consumer'), '@it/native-pkg@1.0.0', "console.log(require('@it/native-pkg')())") ==
        'hello from native-pkg'
assert log.contains('Skipping artifact deployment') : 'maven-deploy-plugin should have been switched off'
assert log.contains('publish (default-publish)')

// 3. deployToMavenRepository: the tarball and the POM in the Maven repository, the npm version skipped as existing.
def deployed = new File(basedir, 'target/maven-repo/io/github/npmreg/it/npm-packaging/1.0.0')
assert new File(deployed, 'npm-packaging-1.0.0.tgz').bytes == tarball.bytes
assert new File(deployed, 'npm-packaging-1.0.0.pom').isFile()
assert log =~ /(?m)^\[INFO\]   skipped\s+@it\/native-pkg\s+1\.0\.0\s+latest\s+http:\/\/127\.0\.0\.1:\d+\/\s+-- already in the registry/

// The summary of invocation 2 names the package as published.
assert log =~ /(?m)^\[INFO\] npm packages: 1 published$/
assert log =~ /(?m)^\[INFO\]   published\s+@it\/native-pkg\s+1\.0\.0\s+latest\s+http:\/\/127\.0\.0\.1:\d+\/$/
assert !log.contains(reg.token()) : 'the token leaked into the build log'
return true
