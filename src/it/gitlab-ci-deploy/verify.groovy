// Published with the job token to the project endpoint CI_API_V4_URL names; the tag mismatch sent nothing; the
// generated .npmrc lets the real npm install the package from the GitLab server and require() it.
import io.github.npmreg.testing.ItGitLab
import io.github.npmreg.testing.NpmCli
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def jobToken = 'glcbt-64_ciDeployJobToken42'
def server = ItGitLab.current()
try {
    def endpoint = "http://127.0.0.1:${itGitLabPortCi}/api/v4/projects/42/packages/npm/"
    def puts = server.requests().findAll { it.method() == 'PUT' }
    assert puts.size() == 1 : "expected one upload (the v1.0.1 pipeline must send nothing), got ${puts*.rawPath()}"
    assert puts[0].rawPath() == '/api/v4/projects/42/packages/npm/@acme%2fci-pkg'
    assert puts[0].status() == 200
    def auth = puts[0].header('authorization') ?: ''
    assert auth.contains(jobToken) || new String(Base64.decoder.decode(auth.replaceFirst('^Basic ', ''))).contains(jobToken) :
            'the upload did not carry the job token'
    def stored = server.stored(42, '@acme/ci-pkg', '1.0.0')
    assert stored.isPresent()

    def log = new File(basedir, 'build.log').text
    assert log =~ /(?s)v1\.0\.1.*1\.0\.0|1\.0\.0.*v1\.0\.1/ : 'the requireTag failure must name the tag and the version'
    assert log.contains(endpoint) : 'the log must name the registry chosen from CI_API_V4_URL and CI_PROJECT_ID'
    assert log.contains('CI_JOB_TOKEN') : 'the log must name the credential source'
    assert log.contains('+ @acme/ci-pkg@1.0.0')
    assert !log.contains(jobToken) : 'the job token leaked into the build log'

    // The npmrc goal's file: the scope on the project endpoint, auth by reference (GitLab's recipe, without sed).
    def npmrc = basedir.toPath().resolve('target/npmreg/.npmrc')
    def text = Files.readString(npmrc)
    assert text.contains("@acme:registry=${endpoint}")
    assert text.contains("//127.0.0.1:${itGitLabPortCi}/api/v4/projects/42/packages/npm/:_authToken=\${CI_JOB_TOKEN}")
    assert !text.contains(jobToken)
    assert PosixFilePermissions.toString(Files.getPosixFilePermissions(npmrc)) == 'rw-------'

    // The real npm, configured by nothing but that file and the job's CI_JOB_TOKEN.
    def consumer = Files.createDirectories(basedir.toPath().resolve('target/consumer'))
    Files.writeString(consumer.resolve('package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n')
    // A fresh cache: the tarball must come from the server, not from an earlier run.
    NpmCli.run(consumer, [npm_config_userconfig: npmrc.toString(), CI_JOB_TOKEN: jobToken,
            npm_config_cache: basedir.toPath().resolve('target/npm-cache').toString()],
            'install', '--no-audit', '--no-fund', '@acme/ci-pkg@1.0.0').orFail('npm install @acme/ci-pkg@1.0.0')
    def out = NpmCli.node(consumer, "console.log(require('@acme/ci-pkg')())").orFail('node').stdout().strip()
    assert out == 'hello from ci-pkg'
    def tarballGets = server.requests().findAll { it.method() == 'GET' && it.rawPath().endsWith('.tgz') }
    assert tarballGets.any { it.status() == 200 } : 'npm did not fetch the tarball from the GitLab server'
} finally {
    ItGitLab.stop()
}
return true
