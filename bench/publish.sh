#!/usr/bin/env bash
# Benchmark of publishing against `npm publish`, to a local Verdaccio (rerunnable; not part of `./mvnw verify`):
#   (s) a small package (4 files)
#   (L) one 100 MiB incompressible file (the plugin runs with MAVEN_OPTS=-Xmx96m)
# Columns:
#   npm     `npm publish` (it packs, then uploads), wall and peak RSS
#   mvn     the whole `mvn npmreg:pack npmreg:publish` process on a generated Maven project: Maven start-up, pack,
#           preflight checks, upload, visibility check; wall and peak RSS. This is the like-for-like column.
#   java    the publish step alone in a warm JVM (pack excluded), RegistryClient.publish
# Every tool publishes its own copy of the package (same files, its own name), version bumped each run; median of
# N runs (java: after 2 warm-ups). Verdaccio's own processing time is inside every column.
# Needs the plugin in ~/.m2: ./mvnw -B -q install -DskipTests -Dinvoker.skip=true
# Usage: bench/publish.sh [runs]     Work files go to target/bench-publish/, results to bench/PUBLISH-RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
WORK=$ROOT/target/bench-publish
mkdir -p "$WORK"
[ -x /usr/bin/time ] || { echo "GNU time is needed for peak RSS: apt-get install time" >&2; exit 1; }

PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
PLUGIN_JAR=~/.m2/repository/io/github/npmreg/npmreg-maven-plugin/$PLUGIN_VERSION/npmreg-maven-plugin-$PLUGIN_VERSION.jar
if ! unzip -p "$PLUGIN_JAR" META-INF/maven/plugin.xml 2>/dev/null | grep -q '<goal>publish</goal>'; then
  echo "no npmreg-maven-plugin $PLUGIN_VERSION with a publish goal in ~/.m2:" \
    "run ./mvnw -B -q install -DskipTests -Dinvoker.skip=true first" >&2
  exit 1
fi

echo "== building the harness (test classpath: the Verdaccio launcher lives there)"
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/classpath.txt")"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" $(find src/bench/java -name '*.java')
CP="$WORK/classes:$CP"

echo "== starting Verdaccio (fresh storage)"
java -cp "$CP" io.github.npmreg.testing.Verdaccio start "$WORK/registry" >/dev/null
trap 'java -cp "$CP" io.github.npmreg.testing.Verdaccio stop "$WORK/registry" >/dev/null' EXIT
prop() { sed -n "s/^$1=//p" "$WORK/registry/registry.properties" | sed 's/\\\(.\)/\1/g'; }
URL=$(prop url)
TOKEN=$(prop token)
AUTH_KEY=$(sed -E 's#^https?:##; s#/?$#/#' <<<"$URL")

# npm with an empty user config, like the tests' NpmCli; the registry and token come from each package's .npmrc,
# which the plugin reads too.
export npm_config_userconfig="$WORK/empty-npmrc" npm_config_cache="$WORK/npm-cache" \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
: > "$WORK/empty-npmrc"

echo "== fixtures"
F=$WORK/fixtures
if [ ! -f "$F/L/big.bin" ]; then
  rm -rf "$F" && mkdir -p "$F/s/lib" "$F/L"
  printf 'module.exports = () => require("./lib/message");\n' > "$F/s/index.js"
  printf 'module.exports = "hello from the publish benchmark";\n' > "$F/s/lib/message.js"
  printf '# bench\n\nA small package for bench/publish.sh.\n' > "$F/s/README.md"
  head -c $((100 * 1024 * 1024)) /dev/urandom > "$F/L/big.bin"
fi
# One copy per tool: its own package name, its own version counter. The big file is hard-linked, not copied.
for size in s L; do for tool in npm mvn java; do
  d=$WORK/pkg/$size-$tool
  rm -rf "$d" && mkdir -p "$d" && cp -al "$F/$size/." "$d/"
  printf '{"name":"bench-publish-%s-%s","version":"1.0.0","description":"publish benchmark","license":"MIT"}\n' \
    "$(tr 'A-Z' 'a-z' <<<"$size")" "$tool" > "$d/package.json"
  printf 'registry=%s\n%s:_authToken=%s\n' "$URL" "$AUTH_KEY" "$TOKEN" > "$d/.npmrc"
done; done
mkdir -p "$WORK/mvn-project"
cat > "$WORK/mvn-project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging></project>
POM

ms_now() { date +%s%N | cut -c1-13; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
set_version() { sed -i -E "s/\"version\":\"[^\"]*\"/\"version\":\"$2\"/" "$1/package.json"; }
# Runs "$@" under GNU time; appends the wall ms to $TIMES and the peak RSS (MB) to $RSS.
measure() {
  local t0 t1
  t0=$(ms_now)
  /usr/bin/time -f "%M" -o "$WORK/time.out" "$@" > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; exit 1; }
  t1=$(ms_now)
  TIMES="$TIMES $((t1 - t0))"
  RSS="$RSS $(awk '{printf "%d", $1 / 1024}' "$WORK/time.out")"
}

results=()
for size in s L; do
  xmx=""
  [ "$size" = L ] && xmx="-Xmx96m"
  echo "== ($size)"

  TIMES="" RSS=""
  cd "$WORK/pkg/$size-npm"
  for i in $(seq 1 "$RUNS"); do
    set_version . "1.0.$i"
    measure npm publish --silent
  done
  cd "$ROOT"
  npm_ms=$(echo $TIMES | median) npm_mb=$(echo $RSS | median)
  echo "   npm publish runs (ms):$TIMES  peak RSS (MB):$RSS"

  TIMES="" RSS=""
  cd "$WORK/mvn-project"
  for i in $(seq 1 "$RUNS"); do
    set_version "$WORK/pkg/$size-mvn" "1.0.$i"
    measure env MAVEN_OPTS="$xmx" "$ROOT/mvnw" -q -B "io.github.npmreg:npmreg-maven-plugin:$PLUGIN_VERSION:pack" \
      "io.github.npmreg:npmreg-maven-plugin:$PLUGIN_VERSION:publish" -Dnpmreg.packageDirectory="$WORK/pkg/$size-mvn"
  done
  cd "$ROOT"
  mvn_ms=$(echo $TIMES | median) mvn_mb=$(echo $RSS | median)
  echo "   mvn npmreg:pack npmreg:publish $xmx runs (ms):$TIMES  peak RSS (MB):$RSS"

  line=$(java $xmx -cp "$CP" io.github.npmreg.bench.PublishBench "$WORK/pkg/$size-java" "$URL" "$TOKEN" 2 "$RUNS")
  echo "   publish step, warm JVM $xmx: $line"
  java_ms=$(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$line")
  heap=$(sed -n 's/.*peak_heap_mb=\([0-9.]*\).*/\1/p' <<<"$line")
  results+=("$size $npm_ms $mvn_ms $java_ms $npm_mb $mvn_mb $heap")
done

load="$(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1fx", a / b}'; }
table="| package | npm publish ms | mvn pack+publish ms | npm/mvn wall | npm peak RSS MB | mvn peak RSS MB | npm/mvn RSS | publish step, warm JVM ms | npm/step | step peak heap MB |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for r in "${results[@]}"; do
  read -r size nm mm jm nr mr h <<<"$r"
  label="(s) 4 small files"
  [ "$size" = L ] && label="(L) 100 MiB random, mvn with -Xmx96m"
  table="$table
| $label | $nm | $mm | $(ratio "$nm" "$mm") | $nr | $mr | $(ratio "$nr" "$mr") | $jm | $(ratio "$nm" "$jm") | $h |"
done
echo
echo "load average at the end: $load"
echo "$table"
{
  echo "# bench/publish.sh — $(date -u +%Y-%m-%d) ($RUNS runs, medians)"
  echo
  echo "Load average at the end of the run: $load (the machine is shared; wall times inflate under load)."
  echo "Ratios are npm / ours: above 1.0x we are faster or smaller. The mvn column is the whole Maven process"
  echo "(start-up, pack, preflight, upload, visibility check), compared with \`npm publish\`, which packs too."
  echo "The warm-JVM column is RegistryClient.publish alone (pack excluded). Verdaccio's own processing is in every"
  echo "column. Peak RSS comes from GNU time (the largest process of the tree: node for npm, the JVM for mvn)."
  echo
  echo "$table"
} > "$ROOT/bench/PUBLISH-RESULTS.md"
