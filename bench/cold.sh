#!/usr/bin/env bash
# The goals' cost inside a real build, from a cold JVM (rerunnable; not part of `./mvnw verify`).
# In a user's build Maven is already running, but the plugin's classes, JIT and state are cold. This measures
#   in-build cost = median(whole `mvn -B -q -nsu <goals>`) - median(whole `mvn -B -q -nsu validate`)
# on the same generated project (the plugin declared in its POM, nothing bound), online as users run it (-nsu
# only stops snapshot-update checks; offline, with -o, publish's preflight would skip its registry checks), interleaved
# (validate, goal, npm, validate, goal, npm, ...), beside npm's whole process on the same input:
#   small     a 2-file package        npmreg:pack              npm pack (and npm pack --dry-run)
#   ts        typescript@5.9.3        npmreg:pack              npm pack
#   files20k  20,000 files of ~70 B   npmreg:pack              npm pack
#   publish   4 small files           npmreg:pack + publish    npm publish (to a local Verdaccio, own name each)
#   big       one 100 MiB random file npmreg:pack + publish    npm publish (mvn with MAVEN_OPTS=-Xmx96m)
# With CLASSES=1 it also counts the classes the JVM loads (-Xlog:class+load) beyond validate, per goal set and
# by library (ICU, Jackson, httpclient, ...), once each.
# It installs the current plugin into ~/.m2 first (SKIP_INSTALL=1 to reuse the installed one).
# GOAL_ARGS adds Maven arguments to the goal runs only (GOAL_ARGS=-Dnpmreg.preflight=false: the publish without its
# preflight); OUT names the results file instead of bench/COLD-RESULTS.md.
# Usage: bench/cold.sh [runs] [cases...]    default: 5 runs, all cases; results: bench/COLD-RESULTS.md
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-5}
shift || true
CASES=${*:-small ts files20k publish big}
WORK=$ROOT/target/bench-cold
mkdir -p "$WORK"
MVN="$ROOT/mvnw"

PLUGIN_VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
PLUGIN=io.github.npmreg:npmreg-maven-plugin:$PLUGIN_VERSION
if [ "${SKIP_INSTALL:-0}" != 1 ]; then
  echo "== installing the plugin $PLUGIN_VERSION into ~/.m2"
  "$MVN" -B -q install -DskipTests -Dinvoker.skip=true >/dev/null
fi

export npm_config_userconfig="$WORK/empty-npmrc" npm_config_cache="$WORK/npm-cache" \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
: > "$WORK/empty-npmrc"

echo "== fixtures"
F=$WORK/fixtures
if [ ! -f "$F/small/package.json" ]; then
  mkdir -p "$F/small"
  echo '{"name":"bench-cold-small","version":"1.0.0","main":"index.js","license":"MIT"}' > "$F/small/package.json"
  echo 'module.exports = () => "hello";' > "$F/small/index.js"
fi
if [ ! -f "$F/ts/package.json" ]; then
  rm -rf "$WORK/ts-download" && mkdir -p "$WORK/ts-download"
  (cd "$WORK/ts-download" && npm pack typescript@5.9.3 --silent >/dev/null && tar xzf typescript-*.tgz \
    && mv package "$F/ts")
fi
if [ ! -f "$F/files20k/package.json" ]; then
  rm -rf "$F/files20k" && mkdir -p "$F/files20k"
  echo '{"name":"bench-cold-files","version":"1.0.0"}' > "$F/files20k/package.json"
  for top in 0 1 2 3; do for sub in 0 1 2 3 4 5 6 7 8 9; do
    d="$F/files20k/src/d$top/s$sub"; mkdir -p "$d"
    for i in $(seq 0 499); do
      printf 'module.exports = { id: "%s/%s/%s", value: %s }; // padding\n' $top $sub $i $i > "$d/f$i.js"
    done
  done; done
fi
if [ ! -f "$F/publish/lib/message.js" ]; then
  mkdir -p "$F/publish/lib"
  printf 'module.exports = () => require("./lib/message");\n' > "$F/publish/index.js"
  printf 'module.exports = "hello from the cold benchmark";\n' > "$F/publish/lib/message.js"
  printf '# bench\n\nA small package for bench/cold.sh.\n' > "$F/publish/README.md"
  echo '{}' > "$F/publish/package.json"
fi
if [ ! -f "$F/big/big.bin" ]; then
  mkdir -p "$F/big"
  head -c $((100 * 1024 * 1024)) /dev/urandom > "$F/big/big.bin"
  echo '{}' > "$F/big/package.json"
fi

REGISTRY_URL="" TOKEN=""
if grep -qE 'publish|big' <<<"$CASES"; then
  echo "== starting Verdaccio (fresh storage)"
  "$MVN" -q -B test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
  CP="$ROOT/target/classes:$ROOT/target/test-classes:$(cat "$WORK/classpath.txt")"
  rm -rf "$WORK/registry"
  java -cp "$CP" io.github.npmreg.testing.Verdaccio start "$WORK/registry" >/dev/null
  trap 'java -cp "$CP" io.github.npmreg.testing.Verdaccio stop "$WORK/registry" >/dev/null' EXIT
  prop() { sed -n "s/^$1=//p" "$WORK/registry/registry.properties" | sed 's/\\\(.\)/\1/g'; }
  REGISTRY_URL=$(prop url)
  TOKEN=$(prop token)
fi
AUTH_KEY=$(sed -E 's#^https?:##; s#/?$#/#' <<<"${REGISTRY_URL:-http://x/}")

# One Maven project per case: the plugin declared (so the npmreg prefix resolves), nothing bound to a phase.
project() { # project <case> <package dir>
  local p=$WORK/mvn/$1
  mkdir -p "$p"
  cat > "$p/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench-$1</artifactId><version>1.0.0</version><packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>io.github.npmreg</groupId><artifactId>npmreg-maven-plugin</artifactId><version>$PLUGIN_VERSION</version>
    <configuration><packageDirectory>$2</packageDirectory><tarballDirectory>$p/target</tarballDirectory></configuration>
  </plugin></plugins></build>
</project>
POM
  echo "$p"
}
# A copy of a package per tool for publishing: its own name, the registry and token in its .npmrc.
publish_copy() { # publish_copy <case> <tool>
  local d=$WORK/pkg/$1-$2
  rm -rf "$d" && mkdir -p "$d" && cp -al "$F/$1/." "$d/" && rm -f "$d/package.json"
  printf '{"name":"bench-cold-%s-%s-%s","version":"1.0.0","description":"cold benchmark","license":"MIT"}\n' \
    "$1" "$2" "$(date +%s)" > "$d/package.json"
  printf 'registry=%s\n%s:_authToken=%s\n' "$REGISTRY_URL" "$AUTH_KEY" "$TOKEN" > "$d/.npmrc"
  echo "$d"
}
set_version() { sed -i -E "s/\"version\":\"[^\"]*\"/\"version\":\"$2\"/" "$1/package.json"; }

ms_now() { date +%s%N | cut -c1-13; }
median() { tr ' ' '\n' | { grep . || true; } | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed <var> <dir> <command...>: appends the wall ms of one run to the variable named <var>.
timed() {
  local var=$1 dir=$2 t0 t1
  shift 2
  t0=$(ms_now)
  (cd "$dir" && "$@") > "$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; echo "failed: $*" >&2; exit 1; }
  t1=$(ms_now)
  printf -v "$var" '%s %s' "${!var}" "$((t1 - t0))"
}
classes() { # classes <dir> <maven args...>: loaded classes, total and by library
  local dir=$1
  shift
  (cd "$dir" && MAVEN_OPTS="-Xlog:class+load=info:file=$WORK/classes.log" "$MVN" -B -q -nsu "$@" >/dev/null 2>&1)
  local total icu jackson hc npmreg
  total=$(grep -c 'source:' "$WORK/classes.log" || true)
  icu=$(grep -c ' com\.ibm\.icu\.' "$WORK/classes.log" || true)
  jackson=$(grep -c ' com\.fasterxml\.jackson\.' "$WORK/classes.log" || true)
  hc=$(grep -c ' org\.apache\.hc\.' "$WORK/classes.log" || true)
  npmreg=$(grep -c ' io\.github\.npmreg\.' "$WORK/classes.log" || true)
  echo "$total $icu $jackson $hc $npmreg"
}

results=()
raw_rows=()
class_rows=()
for case in $CASES; do
  echo "== $case"
  npm_label="npm pack" xmx="" goals=("npmreg:pack") npm_cmd=(npm pack --silent --pack-destination "$WORK/npm-out")
  mkdir -p "$WORK/npm-out"
  case $case in
    small|ts|files20k)
      pkg=$F/$case npm_dir=$F/$case ;;
    publish|big)
      goals=("npmreg:pack" "npmreg:publish") npm_label="npm publish" npm_cmd=(npm publish --silent)
      [ "$case" = big ] && xmx="-Xmx96m"
      pkg=$(publish_copy "$case" mvn) npm_dir=$(publish_copy "$case" npm) ;;
    *) echo "unknown case $case" >&2; exit 2 ;;
  esac
  proj=$(project "$case" "$pkg")
  # Warm-up (online once: plugin and dependencies resolved; the OS file cache warmed for both tools).
  set_version "$pkg" 0.0.1 2>/dev/null || true
  (cd "$proj" && "$MVN" -B -q "${goals[@]}" >/dev/null)
  set_version "$npm_dir" 0.0.1 2>/dev/null || true
  (cd "$npm_dir" && "${npm_cmd[@]}" >/dev/null)
  V="" G="" N="" D=""
  for i in $(seq 1 "$RUNS"); do
    timed V "$proj" "$MVN" -B -q -nsu validate
    [ "$npm_label" = "npm publish" ] && set_version "$pkg" "1.0.$i"
    timed G "$proj" env MAVEN_OPTS="$xmx" "$MVN" -B -q -nsu ${GOAL_ARGS:-} "${goals[@]}"
    [ "$npm_label" = "npm publish" ] && set_version "$npm_dir" "1.0.$i"
    timed N "$npm_dir" "${npm_cmd[@]}"
    [ "$case" = small ] && timed D "$npm_dir" npm pack --dry-run --silent
  done
  v=$(echo $V | median) g=$(echo $G | median) n=$(echo $N | median) d=$(echo $D | median)
  echo "   validate:$V  goals:$G  $npm_label:$N${D:+  npm pack --dry-run:$D}"
  raw_rows+=("- $case: validate:$V; goals:$G; $npm_label:$N${D:+; npm pack --dry-run:$D}")
  results+=("$case|${goals[*]}${GOAL_ARGS:+ $GOAL_ARGS}${xmx:+ ($xmx)}|$v|$g|$((g - v))|$npm_label|$n|${d:-}")
  if [ "${CLASSES:-0}" = 1 ]; then
    [ "$npm_label" = "npm publish" ] && set_version "$pkg" "1.1.0"
    read -r bt bi bj bh bn <<<"$(classes "$proj" validate)"
    read -r gt gi gj gh gn <<<"$(classes "$proj" "${goals[@]}")"
    class_rows+=("| $case | ${goals[*]} | $((gt - bt)) | $gn | $((gi - bi)) | $((gj - bj)) | $((gh - bh)) |")
  fi
done

load="$(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b <= 0) print "n/a"; else printf "%.1fx", a / b}'; }
table="| case | goals | mvn validate ms | mvn goals ms | in-build cost ms | npm | npm ms | npm / in-build |
|---|---|---:|---:|---:|---|---:|---:|"
for r in "${results[@]}"; do
  IFS='|' read -r c gl v g cost nl n d <<<"$r"
  table="$table
| $c | $gl | $v | $g | **$cost** | $nl | $n | **$(ratio "$n" "$cost")** |"
  [ -n "$d" ] && table="$table
| $c | | | | $cost | npm pack --dry-run | $d | $(ratio "$d" "$cost") |"
done
echo
echo "load average at the end: $load"
echo "$table"
{
  echo "# bench/cold.sh — $(date -u '+%Y-%m-%d %H:%M') UTC ($RUNS runs, medians, interleaved)"
  echo
  echo "Load average at the end of the run: $load (the machine is shared; wall times inflate under load)."
  echo "In-build cost = whole \`mvn -B -q -nsu <goals>\` minus whole \`mvn -B -q -nsu validate\` on the same project:"
  echo "what a user waits for when the goal runs in a build whose Maven is already up. npm's column is its whole"
  echo "process. Ratios are npm / ours: above 1.0x the plugin is faster. Maven $("$MVN" -v 2>/dev/null | head -1 | \
    sed 's/Apache Maven //; s/ (.*//'), $(java -version 2>&1 | head -1), npm $(npm -v), Node $(node -v)."
  echo
  echo "$table"
  echo
  echo "Raw runs (ms, in order):"
  echo
  printf '%s\n' "${raw_rows[@]}"
  if [ ${#class_rows[@]} -gt 0 ]; then
    echo
    echo "Classes loaded beyond validate (-Xlog:class+load), one run each:"
    echo
    echo "| case | goals | classes | of them npmreg | ICU4J | Jackson | httpclient5 |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    printf '%s\n' "${class_rows[@]}"
  fi
} > "$ROOT/${OUT:-bench/COLD-RESULTS.md}"
echo "written: ${OUT:-bench/COLD-RESULTS.md}"
