import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'not a debug run'
assert log.contains('+ @it/debug-pkg@1.0.0')
def token = reg.token()
assert !log.contains(token) : 'the token appears in the -X output'
assert !log.contains(token.substring(0, 16)) : 'part of the token appears in the -X output'
assert !(log =~ /(?i)authorization:\s*bearer\s+\S{8,}/) : 'an Authorization header appears in the -X output'
// Nothing but the .npmrc a user asks for may hold the secret: no file under target/.
new File(basedir, 'target').eachFileRecurse { f -> if (f.isFile() && f.length() < 5_000_000) assert !f.text.contains(token) : "token in ${f}" }
return true
