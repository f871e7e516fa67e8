#!/usr/bin/env bash
# Runs the same benchmarks jar on several JVMs (or JVM configurations of one JDK) and writes a matrix
# report: time ratio of each configuration to the first, with bootstrap intervals, geometric means, chart.
#
# Usage: scripts/compare-jdks.sh [--profile quick] [--rounds R] [--out DIR] CONFIG CONFIG... [-- JMH flags]
#   CONFIG   JAVA_HOME, or JAVA_HOME::FLAGS to add JVM flags (space-separated) for that configuration,
#            e.g. "/usr/lib/jvm/temurin-25-jdk-amd64::-Ddmftbench.simd=scalar" or "$JAVA_HOME::-XX:UseAVX=1"
#   --rounds R  forks per configuration, run interleaved (round-robin, one fork each) so drift hits all
#               configurations alike (default 2: the bootstrap resamples forks)
#   JMH flags   as for scripts/bench.sh, e.g. a regex and -p impl=panama
# Every fork gets the same pinned flags (DMFTBENCH_PINNED_FLAGS, default below), never the host's; each
# JDK is first checked to load the suite's class files (release 22). Writes DIR/cfgN/ (provenance.json,
# jmh-*.json, accuracy.jsonl) and DIR/matrix.md, matrix.json, matrix.png, matrix.svg.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
profile=quick
rounds=2
out=""
configs=()
jmh=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --) shift; jmh=("$@"); break ;;
    *) configs+=("$1"); shift ;;
  esac
done
[ ${#configs[@]} -ge 2 ] || { echo "dmftbench: give at least two configurations (JAVA_HOME or JAVA_HOME::FLAGS); --help for usage" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "dmftbench: --rounds must be a positive integer" >&2; exit 2; }
profile_file=$ROOT/scripts/profiles/$profile.args
[ -f "$profile_file" ] || { echo "dmftbench: no profile \"$profile\" in scripts/profiles" >&2; exit 2; }

. "$ROOT/scripts/lib/jdk.sh"
dmftbench_find_jdk
. "$ROOT/scripts/lib/build.sh"
. "$ROOT/scripts/lib/suite.sh"
dmftbench_build_bench
JAR=$DMFTBENCH_BENCH_JAR
cd "$ROOT"
PINNED=${DMFTBENCH_PINNED_FLAGS:-"-Xms1g -Xmx1g -XX:+UseG1GC -XX:-UseTransparentHugePages --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"}
[ -n "$out" ] || out=$ROOT/results/matrix-$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$out"
out=$(cd "$out" && pwd)
log=$out/jmh-output.txt
: >"$log"

# Check every configuration and record its provenance.
homes=(); flagsets=(); dirs=()
i=0
for c in "${configs[@]}"; do
  i=$((i + 1))
  home=${c%%::*}
  flags=""; [ "$home" != "$c" ] && flags=${c#*::}
  if [ ! -x "$home/bin/java" ]; then
    echo "dmftbench: $home is not a JDK (no bin/java)" >&2; exit 2
  fi
  v=$(dmftbench_jdk_feature "$home" || true)
  [ -n "$v" ] || v=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  if [ -n "$v" ] && [ "$v" -lt 22 ]; then
    echo "dmftbench: $home is JDK $v; the suite is compiled for release 22 (class file version 66) and needs JDK >= 22 (final FFM API, Vector API incubator)" >&2
    exit 2
  fi
  d=$out/cfg$i
  mkdir -p "$d"; : >"$d/accuracy.jsonl"
  label="jdk$v${flags:+ $flags}"
  # shellcheck disable=SC2086
  if ! "$home/bin/java" $PINNED $flags -cp "$JAR" org.dmftbench.report.Provenance "$d/provenance.json" \
       "label=$label" "pinnedFlags=$PINNED" "configFlags=$flags" "profile=$profile" >"$d/probe.txt" 2>&1; then
    echo "dmftbench: $home${flags:+ with $flags} cannot run the suite:" >&2
    grep -v 'Using incubator modules' "$d/probe.txt" | head -3 >&2
    exit 2
  fi
  rm -f "$d/probe.txt"
  echo "dmftbench: cfg$i = $label ($home)" >&2
  homes+=("$home"); flagsets+=("$flags"); dirs+=("$d")
done

# Interleaved rounds: one fork per configuration per round.
for ((r = 1; r <= rounds; r++)); do
  for ((i = 0; i < ${#configs[@]}; i++)); do
    echo "dmftbench: round $r/$rounds, cfg$((i + 1))" >&2
    dmftbench_plan "$JAR" "$profile_file" "${dirs[$i]}" ${jmh[@]+"${jmh[@]}"} -f 1 \
      -jvm "${homes[$i]}/bin/java" -jvmArgs "$PINNED ${flagsets[$i]}"
    dmftbench_run_planned "$JAR" "${dirs[$i]}" "r$r" "$log"
  done
done

"$JAVA_HOME/bin/java" "${DMFTBENCH_JVM_FLAGS[@]}" -cp "$JAR" org.dmftbench.cli.DmftBench matrix --out "$out" "${dirs[@]}" \
  2> >(grep -v 'Using incubator modules' >&2)
echo "dmftbench: matrix report $out/matrix.md" >&2
