def log = new File(basedir, 'build.log').text
// 1: the file and the position of the syntax error
assert log =~ /package\.json.*line 4.*column/ : 'invalid JSON must name the file, line and column'
// 2: which naming rule and how to fix it
assert log.contains('Bad Name') && log =~ /(?i)lowercase|url-friendly|spaces/
// 3: packed as npm packs it: nothing from outside the package in the tarball
def tarballs = []
def target = new File(basedir, 'target')
if (target.exists()) target.eachFileRecurse { f -> if (f.name.endsWith('.tgz')) tarballs << f }
tarballs.each { t ->
    def bytes = new java.util.zip.GZIPInputStream(new FileInputStream(t)).withStream { it.bytes }
    assert !new String(bytes, 'ISO-8859-1').contains('secret.txt\u0000') : "outside file packed into ${t}"
}
assert log.contains('Fix:')
// nothing half-written: no temporary file anywhere under target/
def leftovers = []
if (target.exists()) target.eachFileRecurse { f -> if (f.name.endsWith('.tmp')) leftovers << f }
assert leftovers.isEmpty() : "left behind: ${leftovers}"
return true
