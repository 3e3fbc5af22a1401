#!/usr/bin/env bash
# The main job, end to end, on a fresh machine (JDK 17, Node 20, npm 11):
#   1. build and install the plugin (the build also installs the pinned Verdaccio into target/test-registry),
#   2. start Verdaccio on a free 127.0.0.1 port and create a user,
#   3. `mvn deploy` the example in examples/hello-npm with the token in a throw-away settings.xml,
#   4. install the published package back with the real npm and run it.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
work="$root/target/demo"
rm -rf "$work" && mkdir -p "$work"

say() { printf '\n==> %s\n' "$*"; }

say "Building and installing the plugin (tests skipped; run ./mvnw -B verify for those)"
./mvnw -B -q install -DskipTests -Dinvoker.skip=true

say "Starting Verdaccio (the real npm registry used by the tests)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
registry="http://127.0.0.1:$port/"
cat > "$work/config.yaml" <<YAML
storage: ./storage
auth:
  htpasswd:
    file: ./htpasswd
uplinks: {}
packages:
  '@*/*': { access: \$authenticated, publish: \$authenticated, unpublish: \$authenticated }
  '**': { access: \$authenticated, publish: \$authenticated, unpublish: \$authenticated }
max_body_size: 500mb
web: { enable: false }
middlewares: { audit: { enabled: false } }
publish: { allow_offline: true }
log: { type: stdout, format: json, level: warn }
YAML
node target/test-registry/node_modules/verdaccio/bin/verdaccio --config "$work/config.yaml" \
  --listen "127.0.0.1:$port" > "$work/verdaccio.log" 2>&1 < /dev/null &
verdaccio_pid=$!
trap 'kill $verdaccio_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "${registry}-/ping" > /dev/null 2>&1 && break
  kill -0 $verdaccio_pid 2>/dev/null || { cat "$work/verdaccio.log"; echo "Verdaccio did not start" >&2; exit 1; }
  sleep 0.05
done
echo "Verdaccio is listening at $registry"

token=$(curl -fs -X PUT -H 'Content-Type: application/json' \
  -d '{"name":"demo","password":"demo-secret-123"}' "${registry}-/user/org.couchdb.user:demo" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')

cat > "$work/settings.xml" <<XML
<settings>
  <servers>
    <server>
      <id>demo-registry</id>
      <password>$token</password>
    </server>
  </servers>
</settings>
XML
chmod 600 "$work/settings.xml"

say "mvn deploy of examples/hello-npm (publishes @demo/hello to $registry)"
./mvnw -B -f examples/hello-npm/pom.xml -s "$work/settings.xml" clean deploy -Dnpmreg.registry="$registry"

say "Installing @demo/hello back with npm, from the same registry"
mkdir -p "$work/consumer"
cat > "$work/consumer/.npmrc" <<NPMRC
@demo:registry=$registry
//127.0.0.1:$port/:_authToken=$token
NPMRC
(cd "$work/consumer" && npm init -y > /dev/null && npm install --no-audit --no-fund @demo/hello@1.0.0)
(cd "$work/consumer" && node -e 'console.log(require("@demo/hello")("Maven"))')
(cd "$work/consumer" && npm view @demo/hello@1.0.0 name version dist.integrity dist.tarball)
say "Done: published by mvn deploy, installed and run by npm."
