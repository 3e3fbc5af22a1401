#!/usr/bin/env bash
# Benchmark of the pack step against `npm pack` on three inputs (rerunnable; not part of `./mvnw verify`):
#   (a) 20,000 small files (~70 B) in nested directories
#   (b) the contents of typescript@5 (~25 MB, a few hundred files)
#   (c) one 100 MB incompressible file (packed with -Xmx64m to show the heap does not grow with the input)
# Columns: the pack step in a warm JVM (median of 5 after 2 warm-ups), the whole `mvn npmreg:pack` process
# (when the plugin is installed in ~/.m2), and `npm pack` (median of 5).
# Usage: bench/pack.sh [runs]     Work files go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
WORK=$ROOT/target/bench
mkdir -p "$WORK"

echo "== building the plugin classes and the harness"
./mvnw -q -B compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="$ROOT/target/classes:$(cat "$WORK/classpath.txt")"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac -d "$WORK/classes" -cp "$CP" $(find src/bench/java -name '*.java')
CP="$WORK/classes:$CP"

# npm with an empty user config, like the tests' NpmCli.
export npm_config_userconfig="$WORK/empty-npmrc" npm_config_cache="$WORK/npm-cache" \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
: > "$WORK/empty-npmrc"

echo "== fixtures"
A=$WORK/fixtures/a-small-files
if [ ! -f "$A/package.json" ]; then
  rm -rf "$A" && mkdir -p "$A"
  echo '{"name":"bench-small-files","version":"1.0.0"}' > "$A/package.json"
  # 20,000 files of ~70 bytes: 4 top dirs x 10 subdirs x 500 files.
  for top in 0 1 2 3; do for sub in 0 1 2 3 4 5 6 7 8 9; do
    d="$A/src/d$top/s$sub"; mkdir -p "$d"
    for i in $(seq 0 499); do
      printf 'module.exports = { id: "%s/%s/%s", value: %s }; // padding\n' $top $sub $i $i > "$d/f$i.js"
    done
  done; done
fi
B=$WORK/fixtures/b-typescript
if [ ! -f "$B/package.json" ]; then
  rm -rf "$B" "$WORK/ts" && mkdir -p "$WORK/ts"
  (cd "$WORK/ts" && npm pack typescript@5 --silent >/dev/null && tar xzf typescript-*.tgz && mv package "$B")
fi
C=$WORK/fixtures/c-100mb
if [ ! -f "$C/package.json" ]; then
  rm -rf "$C" && mkdir -p "$C"
  echo '{"name":"bench-big-file","version":"1.0.0"}' > "$C/package.json"
  head -c $((100 * 1024 * 1024)) /dev/urandom > "$C/big.bin"
fi

# Only when the plugin with a pack goal is installed in the local repository.
PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
PLUGIN_JAR=~/.m2/repository/io/github/npmreg/npmreg-maven-plugin/$PLUGIN_VERSION/npmreg-maven-plugin-$PLUGIN_VERSION.jar
MOJO=no
if [ -f "$PLUGIN_JAR" ] && unzip -p "$PLUGIN_JAR" META-INF/maven/plugin.xml 2>/dev/null | grep -q '<goal>pack</goal>'; then
  MOJO=yes
  mkdir -p "$WORK/mvn-project"
  cat > "$WORK/mvn-project/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging></project>
POM
fi

ms_now() { date +%s%N | cut -c1-13; }
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

results=()
for name in a-small-files b-typescript c-100mb; do
  dir=$WORK/fixtures/$name
  echo "== $name"
  heap=""
  xmx=""
  [ "$name" = c-100mb ] && xmx="-Xmx64m"
  line=$(java $xmx -cp "$CP" io.github.npmreg.bench.PackBench "$dir" "$WORK/out-java" 2 "$RUNS")
  echo "   java (warm JVM $xmx): $line"
  java_ms=$(sed -n 's/.*median_ms=\([0-9]*\).*/\1/p' <<<"$line")
  java_cpu=$(sed -n 's/.*cpu_ms=\([0-9]*\).*/\1/p' <<<"$line")
  heap=$(sed -n 's/.*peak_heap_mb=\([0-9.]*\).*/\1/p' <<<"$line")

  mvn_ms="n/a"
  if [ "$MOJO" = yes ]; then
    times=""
    for i in $(seq 1 "$RUNS"); do
      t0=$(ms_now)
      (cd "$WORK/mvn-project" && MAVEN_OPTS="$xmx" "$ROOT/mvnw" -q -B \
        "io.github.npmreg:npmreg-maven-plugin:$PLUGIN_VERSION:pack" -Dnpmreg.packageDirectory="$dir" \
        -Dnpmreg.outputDirectory="$WORK/out-mvn" >/dev/null)
      times="$times $(( $(ms_now) - t0 ))"
    done
    mvn_ms=$(echo $times | median)
    echo "   mvn npmreg:pack runs (ms):$times"
  fi

  times=""
  cpus=""
  mkdir -p "$WORK/out-npm"
  for i in $(seq 1 "$RUNS"); do
    t0=$(ms_now)
    (cd "$dir" && /usr/bin/time -f "%U %S" -o "$WORK/npm-time" npm pack --silent --pack-destination "$WORK/out-npm" >/dev/null)
    times="$times $(( $(ms_now) - t0 ))"
    cpus="$cpus $(awk '{printf "%d", ($1 + $2) * 1000}' "$WORK/npm-time")"
  done
  npm_ms=$(echo $times | median)
  npm_cpu=$(echo $cpus | median)
  echo "   npm pack runs (ms):$times  cpu (ms):$cpus"
  results+=("$name $java_ms $mvn_ms $npm_ms $heap $java_cpu $npm_cpu")
done

echo
[ "$MOJO" = yes ] || echo "note: the mvn column is n/a: no npmreg-maven-plugin with a pack goal in ~/.m2 (run ./mvnw install first)."
echo "load average while running: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall times inflate under load; CPU times less so)"
printf '%-15s %10s %10s %12s %10s %10s %9s %9s %9s %8s\n' input "java ms" "npm ms" "mvn proc ms" npm/java npm/mvn "java cpu" "npm cpu" "cpu ratio" "heap MB"
for r in "${results[@]}"; do
  read -r name j m n h jc nc <<<"$r"
  rj=$(awk -v n="$n" -v j="$j" 'BEGIN {printf "%.1fx", n / j}')
  rm_="n/a"; [ "$m" != n/a ] && rm_=$(awk -v n="$n" -v m="$m" 'BEGIN {printf "%.1fx", n / m}')
  rc=$(awk -v n="$nc" -v j="$jc" 'BEGIN {printf "%.1fx", n / j}')
  printf '%-15s %10s %10s %12s %10s %10s %9s %9s %9s %8s\n' "$name" "$j" "$n" "$m" "$rj" "$rm_" "$jc" "$nc" "$rc" "$h"
done
echo "(c) ran with -Xmx64m; peak heap is the sum of the heap pools' peaks over the JVM's life."
