// Three unique snapshot versions, newest under dist-tag snapshot, latest untouched; package.json only changed by
// the updateSource build, and there only the version (and publishConfig), in its own formatting.
import io.github.npmreg.testing.ItRegistry

def reg = new ItRegistry(itRegistryDir)
def log = new File(basedir, 'build.log').text
def published = (log =~ /\+ @it\/snapshot-pkg@(1\.2\.0-SNAPSHOT\.\d{14}) \(tag snapshot\)/).collect { it[1] }
assert published.size() == 3 : "expected three snapshot publishes, got ${published}"
assert published.toSet().size() == 3 && published == published.sort(false) : "not newer each time: ${published}"

def view = reg.view(basedir.toPath().resolve('target/verify/view'), '@it/snapshot-pkg')
assert view.path('dist-tags').path('snapshot').asText() == published[2]
def versions = view.path('versions').collect { it.asText() }
assert versions.containsAll(published)

// npmreg:pack alone staged the configured version: its tarball is the snapshot, not package.json's 0.0.0-development.
assert log.contains('(npmreg:publish-config did not run in this build; the version parameter applies)') : log
def packedAlone = (log =~ /Staged \S+: version (1\.2\.0-SNAPSHOT\.\d{14})[^\n]* \(npmreg:publish-config did not run/)
        .collect { it[1] }
assert packedAlone.size() == 1 : "pack alone staged ${packedAlone}"
assert new File(basedir, "target/it-snapshot-pkg-${packedAlone[0]}.tgz").isFile() :
        "pack alone did not write the staged version's tarball: ${new File(basedir, 'target').list()}"
assert log.contains("serverId 'it-absent' is configured, but") &&
        log.contains('npmreg:pack goes on without it (it sends nothing); npmreg:publish needs it. Fix: add <server><id>it-absent</id>') :
        'pack alone without the server must warn and go on'
assert log.findAll(/serverId 'it-absent' is configured/).size() == 1 : 'warned more than once'
assert !log.contains('0.0.0-development.tgz') : 'pack alone packed package.json\'s version'
assert !log.contains('Set <version>${project.version}</version>') : 'told to set a <version> that is set'

// Only the third build (updateSource) touched the source file.
assert log.findAll(/Updated .*package\.json the same way/).size() == 1
def source = new File(basedir, 'package.json').text
def original = '{\n    "name": "@it/snapshot-pkg",\n    "version": "0.0.0-development",\n    "description": "Maven SNAPSHOTs published as unique npm prereleases",\n    "main": "index.js",\n    "license": "MIT"\n'
assert source.contains("\n    \"version\": \"${published[2]}\",\n") : "version not set in place: ${source}"
// Every other line is kept as written (4-space indent, order); a line gains a comma where publishConfig follows.
def lines = source.readLines().collect { it.replaceFirst(/,$/, '') }
original.readLines().findAll { !it.contains('"version"') }.each { line ->
    assert lines.contains(line.replaceFirst(/,$/, '')) : "line lost or reformatted: '${line}' in ${source}"
}
assert source.contains('\n    "publishConfig": {\n        "@it:registry": ') : "publishConfig not in the file's style: ${source}"
assert source.endsWith('}\n')
return true
