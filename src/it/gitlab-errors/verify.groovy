// The 403 is explained with cause and fix; the group and instance URLs never reach an upload.
import io.github.npmreg.testing.ItGitLab

def server = ItGitLab.current()
try {
    def puts = server.requests().findAll { it.method() == 'PUT' }
    assert puts*.rawPath() == ['/api/v4/projects/42/packages/npm/@acme%2fdup-pkg'] :
            "only the first invocation may upload, to the project endpoint: ${puts*.rawPath()}"
    assert puts[0].status() == 403 : 'the server must have refused the duplicate upload'
    assert !server.requests().any { it.rawPath().contains('/groups/') && it.method() != 'GET' }

    def log = new File(basedir, 'build.log').text
    // GitLab's words, the cause and the fix.
    assert log.contains('Package already exists.')
    assert log.contains('GitLab already holds this name and version')
    assert log.contains('npmreg.skipExisting') && log.contains('bump the version')
    // Group and instance level: no PUT route there, so the plugin points at the project-level URL.
    def projectUrl = "http://127.0.0.1:${itGitLabPortErrors}/api/v4/projects/"
    def refusals = log.readLines().findAll { it.contains('project-level URL') || it.contains('project level') }
    assert refusals.any { it.contains("group 'acme'") } : 'the group-level refusal must name the group'
    assert refusals.any { it.contains('instance-level') } : 'the instance-level URL must be refused too'
    assert log.contains(projectUrl) : 'the fix must name the project-level URL'
    assert !log.contains('glcbt-64_errorsJobToken42') : 'the job token leaked into the build log'
} finally {
    ItGitLab.stop()
}
return true
