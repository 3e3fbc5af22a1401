import io.github.npmreg.testing.ItRegistry
def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
assert log.contains('[DEBUG]') : 'not a debug run'
// 1: npm's EPRIVATE and its fix; nothing in the registry
assert log.contains('EPRIVATE') && log.contains("remove the 'private' field")
assert reg.view(new File(basedir, 'target/view1').toPath(), '@it/hostile-private') == null : 'a private package was published'
// 2: refused as npm refuses it, the password shown as ***, nowhere in the output or any file
assert log.contains('ituser:***@127.0.0.1') && log.contains('ENEEDAUTH')
assert !log.contains('ItPassw0rdInUrl9') : 'the password in the URL appears in the -X output'
// 3: the version npm publishes
def v = reg.view(new File(basedir, 'target/view3').toPath(), '@it/hostile-v')
assert v != null && v.path('version').asText() == '1.0.0' : "published as ${v}"
assert log.contains('"version" was cleaned and set to "1.0.0"')
// 4: EJSONPARSE naming the file and the position
assert log =~ /trailing.package\.json at line 1, column \d+ \(EJSONPARSE\)/
// no secret anywhere: the token at -X, or in any file under target/
def token = reg.token()
assert !log.contains(token) && !log.contains(token.substring(0, 16)) : 'the token appears in the -X output'
assert !(log =~ /(?i)authorization:\s*(bearer|basic)\s+\S{8,}/)
// (target/view* are this script's own npm view folders, with their own .npmrc; target/npmreg/.npmrc is the .npmrc
// the npmrc goal writes for later npm calls, the one file a secret may be in)
def own = { File f -> f.path.contains('/target/view') || f.path.endsWith('/target/npmreg/.npmrc') }
new File(basedir, 'target').eachFileRecurse { f ->
    if (f.isFile() && f.length() < 5_000_000 && !own(f)) {
        assert !f.text.contains(token) : "token in ${f}"
        assert !f.text.contains('ItPassw0rdInUrl9') : "password in ${f}"
        assert !f.name.endsWith('.tmp') : "left behind: ${f}"
    }
}
return true
