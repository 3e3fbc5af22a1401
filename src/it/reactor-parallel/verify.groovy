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

// 1. -T 2: three packages published (the Java module has none), in reactor order, with the POM's version.
def first = summaries[0]
assert first.heading == 'npm packages: 3 published'
assert first.rows.collect { it[1] } == ['@it/reactor-core', '@it/reactor-ui', '@it/reactor-legacy']
first.rows.each { assert it[0] == 'published' && it[2] == '1.0.0' && it[3] == 'latest' && it[4] == url : it }
def tmp = basedir.toPath().resolve('target/verify')
['core', 'ui', 'legacy'].each { assert reg.view(tmp.resolve("view-${it}"), "@it/reactor-${it}@1.0.0") != null : it }
// ui's package installs with its dependency on core from the same registry.
def out = reg.installAndRun(tmp.resolve('consumer'), '@it/reactor-ui@1.0.0', "console.log(require('@it/reactor-ui')())")
assert out == 'core greets ui'
assert new File(basedir, 'server/target/server-1.0.0.jar').isFile() : 'the Java module was not built'
assert log =~ /(?i)thread count of 2/ : 'not a parallel build'
assert !(log =~ /(?i)not marked as thread-safe|not marked as @threadSafe/) : 'a plugin was not thread-safe'

// 2. --fail-at-end: both failures named with their cause; core skipped as existing; the Java module still built.
def second = summaries[1]
assert second.heading == 'npm packages: 1 skipped, 2 failed' : second.heading
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
assert third.heading == 'npm packages: 2 skipped, 1 failed' : third.heading
assert third.rows.collect { it[0] + ' ' + it[1] } ==
        ['skipped @it/reactor-core', 'failed @it/reactor-ui', 'skipped @it/reactor-legacy'] : third.rows
assert third.rows[2][2] == '-' && third.rows[2].last().contains('not built')
assert third.rows[1].last().startsWith('preflight: ') : 'the cause is the failed check: ' + third.rows[1]

assert !log.contains(reg.token()) && !log.contains(reg.otherToken()) : 'a token leaked into the build log'
return true
