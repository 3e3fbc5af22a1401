// Project 42 already holds @acme/dup-pkg@1.0.0 (uploaded here with the job token, as an earlier pipeline would),
// and GitLab's metadata cache has not caught up: the packument does not list it yet, the upload path refuses it.
import io.github.npmreg.testing.ItGitLab
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

def server = ItGitLab.start(itGitLabPortErrors).project(42, 'acme/tools/dup-pkg')
        .jobToken('glcbt-64_errorsJobToken42', 42).forwarding(false)
def body = '''{"name":"@acme/dup-pkg","versions":{"1.0.0":{"name":"@acme/dup-pkg","version":"1.0.0",
  "dist":{"shasum":"0000000000000000000000000000000000000000"}}},"dist-tags":{"latest":"1.0.0"},
  "_attachments":{"@acme/dup-pkg-1.0.0.tgz":{"content_type":"application/octet-stream","data":"AAAA","length":3}}}'''
def response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        server.projectEndpoint(42).resolve('@acme%2fdup-pkg'))
        .header('Authorization', 'Bearer glcbt-64_errorsJobToken42').header('Content-Type', 'application/json')
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
assert response.statusCode() == 200 : "seeding failed: ${response.statusCode()} ${response.body()}"
server.metadataCacheLag(true).clearRequests()
return true
