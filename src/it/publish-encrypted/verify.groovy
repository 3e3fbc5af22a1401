import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
assert reg.installAndRun(tmp.resolve('consumer'), 'npmreg-it-encrypted@1.0.0', "console.log(require('npmreg-it-encrypted'))") == 'encrypted ok'
def log = new File(basedir, 'build.log').text
assert log.contains("settings.xml server 'it-encrypted'")
assert !log.contains('other-secret-456')
return true
