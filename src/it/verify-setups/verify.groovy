import groovy.json.JsonSlurper
import io.github.npmreg.testing.ItRegistry
def log = new File(basedir, 'build.log').text
// Run 1: the bad token is named as the cause, with a fix; the secret is never shown.
assert log.contains('[FAIL]') && log.contains('not-authenticated') : 'the bad token was not reported'
assert log.contains('verify FAILED')
assert !log.contains('bm90LWEtdmFsaWQtdG9rZW4tMTIzNDU2')
// Run 2 (the last JSON written): a good setup passes.
def report = new JsonSlurper().parse(new File(basedir, 'target/npmreg/verify.json'))
assert report.failed == false : "verify failed on a good setup: ${report.findings.findAll { it.status == 'FAIL' }}"
assert report.findings.find { it.id == 'authentication' && it.status == 'PASS' && it.evidence.contains("authenticated as 'ci'") } != null
assert log.contains('verify passed')
// The execution-level <tag> is named as unseen by verify run alone, with the fix.
assert log.contains("execution 'publish-next' of this plugin sets <tag>") : 'the execution-level configuration was not named'
assert log.contains("move them to the plugin's <configuration>")
assert !log.contains(new ItRegistry(itRegistryDir).token())
return true
