import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
assert log.contains('preflight checks found a problem before anything was uploaded')
assert log.contains('not-authenticated')
assert !log.contains('Publishing @it/preflight-pkg') : 'an upload was attempted'
assert reg.view(basedir.toPath().resolve('target/verify/view'), '@it/preflight-pkg') == null
return true
