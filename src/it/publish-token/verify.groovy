// Published once, installable and runnable with the real npm, same manifest fields as a real npm publish,
// rerun of the same version refused clearly, accepted with skipExisting.
import io.github.npmreg.testing.ItRegistry
import groovy.json.JsonSlurper
import java.nio.file.Files

def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
def ours = reg.view(tmp.resolve('view'), '@it/token-pkg@1.0.0')
assert ours != null : 'the version is not in the registry'
def report = new JsonSlurper().parse(new File(basedir, 'target/npmreg/pack.json'))
assert ours.path('dist').path('integrity').asText() == report.integrity : 'registry holds another tarball'
assert ours.path('dist').path('shasum').asText() == report.shasum

def out = reg.installAndRun(tmp.resolve('consumer'), '@it/token-pkg@1.0.0', "console.log(require('@it/token-pkg')())")
assert out == 'hello from token-pkg'

// The oracle: the same source published by the real npm under another name.
def copy = tmp.resolve('npm-copy')
Files.createDirectories(copy.resolve('lib'))
['index.js', 'cli.js', 'lib/message.js', 'README.md', 'LICENSE'].each { Files.copy(basedir.toPath().resolve(it), copy.resolve(it)) }
Files.writeString(copy.resolve('package.json'), new File(basedir, 'package.json').text.replace('@it/token-pkg', '@it/token-pkg-npm'))
reg.npmPublish(copy, '--access', 'public')
def theirs = reg.view(tmp.resolve('view-npm'), '@it/token-pkg-npm@1.0.0')
// Intended differences: the name (and what contains it), the tarball bytes (npm's gzip is Node's zlib),
// npm's own version stamps, and registry bookkeeping.
def different = ['name', '_id', 'dist', '_nodeVersion', '_npmVersion', 'time', '_rev', 'dist-tags', 'versions',
                 '_cached', '_contentLength', 'bugs', 'homepage', 'repository', 'readme', 'bin'] as Set
def keys = { node -> node.fieldNames().toList().findAll { !different.contains(it) } as Set }
assert keys(ours) == keys(theirs) : "fields differ: ours ${keys(ours)}, npm ${keys(theirs)}"
keys(theirs).each { k -> assert ours.get(k) == theirs.get(k) : "field ${k}: ours ${ours.get(k)}, npm ${theirs.get(k)}" }
// repository/bugs/homepage hold the name of the repo, which is the same in both copies.
['repository', 'bugs', 'homepage'].each { k -> assert ours.get(k) == theirs.get(k) : "field ${k}: ours ${ours.get(k)}, npm ${theirs.get(k)}" }

// A string bin is keyed by the package's (unscoped) name: the same rule, applied to the two names.
assert ours.get('bin').toString() == '{"token-pkg":"cli.js"}' && theirs.get('bin').toString() == '{"token-pkg-npm":"cli.js"}'

def log = new File(basedir, 'build.log').text
assert log.contains('+ @it/token-pkg@1.0.0')
assert log.contains('settings.xml server \'it-token\'')
assert log.contains('1.0.0') && log =~ /(?s)already.*skipExisting/ : 'the rerun message must name the fix'
assert !log.contains(reg.token()) : 'the token leaked into the build log'
return true
