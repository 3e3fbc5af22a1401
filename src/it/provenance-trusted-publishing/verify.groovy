// The dry run showed the statement and sent nothing; the release exchanged NPM_ID_TOKEN, signed, logged the entry
// in Rekor and attached the bundle, which sigstore-js verifies against the tarball npm installs back; no token was
// logged.
import io.github.npmreg.testing.ItProvenance
import io.github.npmreg.testing.ItRegistry
import io.github.npmreg.testing.NpmCli
import io.github.npmreg.testing.SigstoreJs
import java.nio.file.Files

def props = new Properties()
new File(basedir, 'invoker.properties').withInputStream { props.load(it) }
def npmIdToken = props.getProperty('invoker.environmentVariables.NPM_ID_TOKEN')
def sigstoreIdToken = props.getProperty('invoker.environmentVariables.SIGSTORE_ID_TOKEN')
def registry = new ItRegistry(itRegistryDir)
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('Dry run: provenance statement that would be signed') : 'the dry run must show the statement'
    assert log.contains('"buildType" : "https://github.com/npm/cli/gitlab/v0alpha1"')
    assert log.contains('Provenance: on (trusted publishing')
    assert log.contains('Signed provenance statement with source and build information from GitLab CI/CD')
    assert log =~ /Provenance statement published to transparency log: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/log\/entries\?logIndex=\d+/
    assert log.contains('+ @acme/web-prov@1.0.0')
    assert !log.contains(npmIdToken) && !log.contains(sigstoreIdToken) && !log.contains(registry.token()) :
            'a token leaked into the build log'

    def sigstore = ItProvenance.sigstore()
    def fulcioCalls = sigstore.requests().findAll { it.path() == '/api/v2/signingCert' }
    def rekorCalls = sigstore.requests().findAll { it.path() == '/api/v1/log/entries' }
    assert fulcioCalls.size() == 1 && rekorCalls.size() == 1 : 'one signature for the release, none for the dry run'

    def puts = ItProvenance.front().puts()
    assert puts.size() == 1 : "expected one upload (the dry run sends none), got ${puts.size()}"
    def attachments = puts[0].get('_attachments')
    assert attachments.fieldNames().toList() == ['@acme/web-prov-1.0.0.tgz', '@acme/web-prov-1.0.0.sigstore']
    def bundle = attachments.get('@acme/web-prov-1.0.0.sigstore')
    assert bundle.get('content_type').asText() == 'application/vnd.dev.sigstore.bundle.v0.3+json'
    assert bundle.get('length').asInt() == bundle.get('data').asText().length()

    // npm installs what was published; sigstore-js verifies the bundle against that tarball.
    def consumer = Files.createDirectories(basedir.toPath().resolve('target/consumer'))
    registry.writeNpmrc(consumer, '@acme')
    NpmCli.run(consumer, [npm_config_userconfig: consumer.resolve('.npmrc').toString()], 'pack',
            '@acme/web-prov@1.0.0').orFail('npm pack @acme/web-prov@1.0.0')
    def tarball = consumer.resolve('acme-web-prov-1.0.0.tgz')
    def bundleFile = Files.writeString(consumer.resolve('web-prov.sigstore'), bundle.get('data').asText())
    def root = Files.writeString(consumer.resolve('trusted_root.json'), sigstore.trustedRoot().toString())
    def verdict = SigstoreJs.verify(bundleFile, root, tarball, 'pkg:npm/%40acme/web-prov@1.0.0',
            'https://gitlab.com/acme/web//.gitlab-ci.yml@refs/tags/v1.0.0')
    assert verdict.exitCode() == 0 : "sigstore-js rejected the bundle: ${verdict.stdout()} ${verdict.stderr()}"
} finally {
    ItProvenance.stop()
}
