import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
def view = reg.view(tmp.resolve('view'), 'npmreg-it-basic@2.0.0')
assert view != null && view.path('version').asText() == '2.0.0'
assert reg.installAndRun(tmp.resolve('consumer'), 'npmreg-it-basic@2.0.0', "console.log(require('npmreg-it-basic'))") == 'basic ok'
def log = new File(basedir, 'build.log').text
assert log.contains('packing it first')
assert log.contains("username 'other'")
assert log.contains('+ npmreg-it-basic@2.0.0')
assert !log.contains('other-secret-456')
return true
