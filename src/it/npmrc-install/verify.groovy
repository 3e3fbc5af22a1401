// The generated .npmrc is owner-only and the real npm installs the scoped package through it; the
// tokensFromEnvironment variant holds no secret; a user-kept file keeps every byte outside the marked block.
import io.github.npmreg.testing.ItRegistry
import io.github.npmreg.testing.NpmCli
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def reg = new ItRegistry(itRegistryDir)
def npmrc = basedir.toPath().resolve('target/npmreg/.npmrc')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(npmrc)) == 'rw-------'
def text = Files.readString(npmrc)
assert text.contains("@it:registry=${reg.url()}")
// A token ending in '=' is quoted, as npm's ini writer does.
assert text.contains("${reg.nerfDart()}:_authToken=\"${reg.token()}\"") || text.contains("${reg.nerfDart()}:_authToken=${reg.token()}\n")

def consumer = Files.createDirectories(basedir.toPath().resolve('target/consumer'))
Files.writeString(consumer.resolve('package.json'), '{"name":"consumer","version":"1.0.0","private":true}\n')
// Fresh caches, so each install really authenticates against the registry.
NpmCli.run(consumer, [npm_config_userconfig: npmrc.toString(), npm_config_cache: basedir.toPath().resolve('target/cache1').toString()], 'install', '--no-audit', '--no-fund',
        '@it/npmrc-pkg@1.0.0').orFail('npm install @it/npmrc-pkg@1.0.0 through the generated .npmrc')
assert NpmCli.node(consumer, "console.log(require('@it/npmrc-pkg')())").orFail('node').stdout().strip() ==
        'hello from npmrc-pkg'

// The user's file: original bytes, then the block; the block says ${NPM_TOKEN}, never the token.
def user = basedir.toPath().resolve(".npmrc")
def written = Files.readString(user)
def start = written.indexOf('# >>> npmreg-maven-plugin (managed) >>>')
def end = written.indexOf('# <<< npmreg-maven-plugin <<<')
assert start > 0 && end > start : "no managed block in ${written}"
def kept = '# kept by a developer: comments, order and the missing final newline stay as they are\nfund=false\n\n; another comment\nsave-exact=true'
assert written.startsWith(kept) : 'the user\'s lines changed'
assert written.substring(kept.length(), start).matches('\n*') : 'something besides the block was added'
assert written.substring(end).strip() == '# <<< npmreg-maven-plugin <<<'
def block = written.substring(start, end)
assert block.contains("@it:registry=${reg.url()}")
assert block.contains("${reg.nerfDart()}:_authToken=\${NPM_TOKEN}")
assert !written.contains(reg.token()) : 'tokensFromEnvironment wrote the secret'
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(user)) == 'rw-------'

// That file works too, with the token from the environment.
def consumer2 = Files.createDirectories(basedir.toPath().resolve('target/consumer2'))
Files.writeString(consumer2.resolve('package.json'), '{"name":"consumer2","version":"1.0.0","private":true}\n')
NpmCli.run(consumer2, [npm_config_userconfig: user.toString(), NPM_TOKEN: reg.token(),
        npm_config_cache: basedir.toPath().resolve('target/cache2').toString()], 'install', '--no-audit',
        '--no-fund', '@it/npmrc-pkg@1.0.0').orFail('npm install through the user-kept .npmrc')

def log = new File(basedir, 'build.log').text
assert log.contains('(managed block only)')
assert !log.contains(reg.token()) : 'the token leaked into the build log'
return true
