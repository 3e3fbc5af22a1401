// One summary per invocation, in reactor order, naming every package with version, tag, registry and result.
import io.github.npmreg.testing.ItRegistry

def log = new File(basedir, 'build.log').text
def reg = new ItRegistry(itRegistryDir)
def url = reg.url()

// The summaries, in invocation order: the heading, then one row per package (header row dropped).
def summaries = []
def current = null
log.eachLine { line ->
    def text = line.replaceFirst(/^\[INFO\] /, '')
    if (text.startsWith('npm packages: ')) {
        current = [heading: text, rows: []]
        summaries << current
    } else if (current != null && text.startsWith('  result ')) {
        // the header row
    } else if (current != null && text.startsWith('  ')) {
        // result, package, version, tag, registry, then the reason after "-- " (when there is one)
        def cells = text.trim().split(/\s{2,}/, 6) as List
        if (cells.size() == 6) cells[5] = cells[5].replaceFirst(/^-- /, '')
        current.rows << cells
    } else {
        current = null
    }
}
assert summaries.size() == 3 : "expected one summary per invocation, found ${summaries*.heading}"

// 1. -T 2: five packages published (the Java module has none), in reactor order, with the POM's version; the
// workspaces root's private workspace skipped, its workspaces dependencies first (lib before app).
def first = summaries[0]
assert first.heading == 'npm packages: 5 published, 1 skipped' : first.heading
assert first.rows.collect { it[0] + ' ' + it[1] } == ['published @it/reactor-core', 'published @it/reactor-ui',
        'published @it/reactor-legacy', 'skipped @it/reactor-ws-internal', 'published @it/reactor-ws-lib',
        'published @it/reactor-ws-app'] : first.rows
first.rows.findAll { it[0] == 'published' }.each {
    assert it[2] == '1.0.0' && it[3] == 'latest' && it[4] == url : it
}
assert first.rows[3][5] == '"private": true'
assert log.contains('[WARNING] Skipping workspace @it/reactor-ws-internal, marked as private')
def tmp = basedir.toPath().resolve('target/verify')
['core', 'ui', 'legacy'].each { assert reg.view(tmp.resolve("view-${it}"), "@it/reactor-${it}@1.0.0") != null : it }
// The private root and the private workspace are not in the registry; app installs with lib, and its tarball
// follows the root's .npmignore (npm reads the ignore files between the root and a workspace).
assert reg.view(tmp.resolve('view-root'), '@it/reactor-web-root') == null : 'the private root was published'
assert reg.view(tmp.resolve('view-internal'), '@it/reactor-ws-internal') == null : 'a private workspace was published'
assert reg.installAndRun(tmp.resolve('consumer-ws'), '@it/reactor-ws-app@1.0.0',
        "console.log(require('@it/reactor-ws-app')())") == 'app uses lib'
def appTarball = new File(basedir, 'web/target/npmreg/workspaces/packages-app/it-reactor-ws-app-1.0.0.tgz')
assert appTarball.isFile()
def appFiles = new groovy.json.JsonSlurper().parse(new File(basedir, 'web/target/npmreg/workspaces/packages-app/pack.json')).files*.path
assert appFiles.sort() == ['index.js', 'package.json'] : appFiles
// ui's package installs with its dependency on core from the same registry.
def out = reg.installAndRun(tmp.resolve('consumer'), '@it/reactor-ui@1.0.0', "console.log(require('@it/reactor-ui')())")
assert out == 'core greets ui'
assert new File(basedir, 'server/target/server-1.0.0.jar').isFile() : 'the Java module was not built'
assert log =~ /(?i)thread count of 2/ : 'not a parallel build'
assert !(log =~ /(?i)not marked as thread-safe|not marked as @threadSafe/) : 'a plugin was not thread-safe'

// 2. --fail-at-end: both failures named with their cause; core skipped as existing; the Java module still built.
def second = summaries[1]
assert second.heading == 'npm packages: 4 skipped, 2 failed' : second.heading
def byName = second.rows.collectEntries { [(it[1]): it] }
assert byName['@it/reactor-core'][0] == 'skipped' && byName['@it/reactor-core'][5].contains('already in the registry')
def ui = byName['@it/reactor-ui']
assert ui[0] == 'failed' && ui[2] == '1.0.0' && ui[3] == 'latest' && ui[4] == url
assert ui[5] =~ /(?i)preflight|401|token|authenticat/ : "ui's cause: ${ui}"
// legacy's staged manifest could not be read: named by its artifactId, the cause names the file.
def legacy = second.rows.find { it[1] == 'legacy' || it[1] == '@it/reactor-legacy' }
assert legacy != null : "no legacy row in ${second.rows}"
assert legacy[0] == 'failed' && legacy.last().contains('broken') && legacy.last() =~ /(?i)json/ : legacy
assert log =~ /server \.+ SUCCESS/

// 3. fail-fast: ui fails, so server and legacy are not built; legacy's package is listed as not built.
def third = summaries[2]
assert third.heading == 'npm packages: 3 skipped, 1 failed' : third.heading
assert third.rows.collect { it[0] + ' ' + it[1] } == ['skipped @it/reactor-core', 'failed @it/reactor-ui',
        'skipped @it/reactor-legacy', 'skipped @it/reactor-web-root'] : third.rows
assert third.rows[2][2] == '-' && third.rows[2].last().contains('not built')
assert third.rows[1].last().startsWith('preflight: ') : 'the cause is the failed check: ' + third.rows[1]

// 4. mvn npmreg:verify from the root judges every npm module, not only the first project; the parent and the Java
// module are not npm modules and are skipped.
assert log.contains('Skipping npmreg:verify for reactor-parallel: not an npm module')
assert log.contains('Skipping npmreg:verify for server: not an npm module')
def verdicts = (log =~ /verify (passed|FAILED): /).count
// web is a workspaces root publishing its workspaces: each public workspace is judged, the private ones skipped.
assert log.contains('Skipping workspace @it/reactor-ws-internal, marked as private (publish skips it too)')
assert verdicts == 5 : "expected a verify verdict for core, ui, legacy and web's two public workspaces, found ${verdicts}"

assert !log.contains(reg.token()) && !log.contains(reg.otherToken()) : 'a token leaked into the build log'
return true
