// The tarball exists with npm's file name, holds exactly npm's file set in npm's order, and is attached.
import java.util.zip.GZIPInputStream
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream
import groovy.json.JsonSlurper

def tgz = new File(basedir, 'target/acme-hello-1.0.0.tgz')
assert tgz.isFile() : "no tarball at ${tgz}"
def bytes = tgz.bytes
assert (bytes[0..9].collect { it & 0xff }) == [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff] : 'gzip header is not npm\'s'

def names = []
new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes))).withCloseable { tar ->
    def e
    while ((e = tar.nextEntry) != null) {
        names << e.name
        assert e.modTime.time == 499162500000L : "mtime of ${e.name}"
        if (e.name == 'package/cli.js') assert (e.mode & 0777) == 0755 : 'root bin must be executable'
    }
}
// npm's own answer for the same tree is the oracle.
def proc = ['npm', 'pack', '--dry-run', '--json', '--ignore-scripts'].execute(null, basedir)
def out = proc.text
assert proc.waitFor() == 0 : 'npm pack --dry-run failed'
def npmFiles = new JsonSlurper().parseText(out)[0].files*.path.collect { 'package/' + it }
assert names.sort(false) == npmFiles.sort(false) : "file set differs from npm's: ours ${names}, npm ${npmFiles}"
assert !names.contains('package/debug.log') && !names.contains('package/lib/sub/secret.js')

def report = new JsonSlurper().parse(new File(basedir, 'target/npmreg/pack.json'))
assert report.name == '@acme/hello' && report.version == '1.0.0'
assert report.filename == 'acme-hello-1.0.0.tgz'
assert report.size == tgz.length()
assert report.integrity.startsWith('sha512-')
assert report.entryCount == names.size()

def log = new File(basedir, 'build.log').text
assert log.contains('Tarball Contents')
assert log.contains('acme-hello-1.0.0.tgz')
assert log.contains('Attached')
return true
