import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
assert reg.installAndRun(tmp.resolve('consumer'), 'npmreg-it-encrypted@1.0.0', "console.log(require('npmreg-it-encrypted'))") == 'encrypted ok'
def log = new File(basedir, 'build.log').text
assert log.contains("settings.xml server 'it-encrypted'")
assert !log.contains('other-secret-456')
// Run 2: no settings-security.xml.
assert log.contains('no-such-security.xml (the master password) does not exist') : 'the missing master password file was not named'
assert log.contains('mvn --encrypt-master-password')
// Run 3: an unset ${env.X} is named as such.
assert log.contains('(settings-server-variable-unset)')
assert log.contains('the environment variable NPMREG_IT_NEVER_SET is not set')
return true
