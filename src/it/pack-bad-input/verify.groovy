def log = new File(basedir, 'build.log').text
// 1: the file and the position of the syntax error
assert log =~ /package\.json.*line 4.*column/ : 'invalid JSON must name the file, line and column'
// 2: which naming rule and how to fix it
assert log.contains('Bad Name') && log =~ /(?i)lowercase|url-friendly|spaces/
// 3: the files entry and the fix
assert log.contains('../secret.txt')
assert log.contains('Fix:')
// nothing half-written: no tarball and no temporary file anywhere under target/
def leftovers = []
def target = new File(basedir, 'target')
if (target.exists()) target.eachFileRecurse { f -> if (f.name.endsWith('.tgz') || f.name.endsWith('.tmp')) leftovers << f }
assert leftovers.isEmpty() : "left behind: ${leftovers}"
return true
