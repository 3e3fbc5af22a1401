import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
assert reg.view(basedir.toPath().resolve('target/verify/view'), '@it/dry-run-pkg') == null : 'a dry run published'
def log = new File(basedir, 'build.log').text
assert log.contains('(dry run)')
assert log.contains('PUT ') && log.contains('%2fdry-run-pkg')
assert !log.contains(reg.token())
return true
