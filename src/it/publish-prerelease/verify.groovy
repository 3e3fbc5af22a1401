import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def tmp = basedir.toPath().resolve('target/verify')
def view = reg.view(tmp.resolve('view'), '@it/prerelease-pkg@1.1.0-beta.1')
assert view != null
assert view.path('dist-tags').path('next').asText() == '1.1.0-beta.1'
def log = new File(basedir, 'build.log').text
assert log.contains('is a prerelease') && log.contains('-Dnpmreg.tag=next') : 'the refusal must say how to set a tag'
assert log.contains('+ @it/prerelease-pkg@1.1.0-beta.1 (tag next)')
return true
