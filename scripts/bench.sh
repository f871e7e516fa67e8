#!/usr/bin/env bash
# Runs the JMH suite and writes a self-describing result bundle.
#
# Usage: scripts/bench.sh [--profile quick|default|full|smoke] [--out DIR] [JMH flags and regexes ...]
#
# Builds target/benchmarks.jar when stale, runs the profile's JMH invocations (scripts/profiles/P.args)
# with the extra flags merged in (a flag you give replaces the profile's; -p k=v replaces only that
# param; -jvmArgsAppend is joined with the suite's; a regex replaces the profile's selection), prints
# JMH's table and writes results/<date>-jdk<N>-<commit>/ (or --out DIR):
#   jmh.json         the untouched JMH JSON (rows of all runs of the profile, concatenated)
#   accuracy.jsonl   accuracy figures recorded by each benchmark's @Setup, keyed like jmh.json
#   provenance.json  commit, dirty flag, date, CPU, cores, JDK, JVM flags, kernel provider, vector width, profile
#   jmh-output.txt   JMH's console output
#   summary.md, charts/*.png|svg   written by `dmftbench report` from the files above
# -foe true is always set: a failing benchmark (or accuracy check) fails the run (exit status 1).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
profile=default
out=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) [ $# -ge 2 ] || { echo "dmftbench: --profile needs a name" >&2; exit 2; }; profile=$2; shift 2 ;;
    --profile=*) profile=${1#--profile=}; shift ;;
    --out) [ $# -ge 2 ] || { echo "dmftbench: --out needs a directory" >&2; exit 2; }; out=$2; shift 2 ;;
    --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0 ;;
    *) args+=("$1"); shift ;;
  esac
done
profile_file=$ROOT/scripts/profiles/$profile.args
if [ ! -f "$profile_file" ]; then
  echo "dmftbench: no profile \"$profile\" (have: $(cd "$ROOT/scripts/profiles" && ls -- *.args | sed 's/\.args$//' | tr '\n' ' '))" >&2
  exit 2
fi

. "$ROOT/scripts/lib/jdk.sh"
dmftbench_find_jdk
. "$ROOT/scripts/lib/build.sh"
dmftbench_build_bench
JAR=$DMFTBENCH_BENCH_JAR
JAVA=$JAVA_HOME/bin/java
cd "$ROOT"

# Listing and help go straight to JMH.
for a in ${args[@]+"${args[@]}"}; do
  case "$a" in -l|-lp|-lrf|-lprof|-h) exec "$JAVA" "${DMFTBENCH_JVM_FLAGS[@]}" -jar "$JAR" "${args[@]}" ;; esac
done

feature=$(dmftbench_jdk_feature "$JAVA_HOME")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo nogit)
if [ -z "$out" ]; then
  out=$ROOT/results/$(date -u +%Y-%m-%d-%H%M)-jdk$feature-$commit
  [ ! -e "$out" ] || out=$out-$$
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
: >"$out/accuracy.jsonl"

list=$(mktemp)
trap 'rm -f "$list"' EXIT
"$JAVA" "${DMFTBENCH_JVM_FLAGS[@]}" -jar "$JAR" -l 2>/dev/null >"$list"

# The native LAPACK reference is optional: without the library its benchmarks are excluded, with a
# message, instead of failing the run (-foe true) at their set-up.
exclude=()
if ! { PATH=$PATH:/sbin:/usr/sbin ldconfig -p 2>/dev/null | grep -qE 'libopenblas\.so\.0|liblapack\.so\.3'; }; then
  echo "dmftbench: native LAPACK reference skipped: neither libopenblas.so.0 nor liblapack.so.3 is installed" \
       "(Debian: apt-get install libopenblas0-pthread)" >&2
  exclude=(-e NativeLapackBenchmark)
  grep -v NativeLapackBenchmark "$list" >"$list.tmp" || true
  mv "$list.tmp" "$list"
fi

# The plan: NUL-separated "RUN args... RUN args... FLAGS fork-flags...".
runs=()      # each entry: the args of one run, joined by \x1f
flags=()
mode=""
cur=""
while IFS= read -r -d '' tok; do
  case "$tok" in
    RUN) [ "$mode" = RUN ] && runs+=("$cur"); mode=RUN; cur="" ;;
    FLAGS) [ "$mode" = RUN ] && runs+=("$cur"); mode=FLAGS ;;
    *) if [ "$mode" = RUN ]; then cur+="$tok"$'\x1f'; else flags+=("$tok"); fi ;;
  esac
done < <("$JAVA" -cp "$JAR" org.dmftbench.report.JmhPlan plan "$profile_file" "$list" "$out" ${args[@]+"${args[@]}"} || echo -n "PLAN-FAILED")
[ ${#runs[@]} -gt 0 ] || { echo "dmftbench: could not plan the runs (see the message above)" >&2; exit 2; }

# The JVM the forks run on: -jvm when given, else this JDK.
fork_java=$JAVA
IFS=$'\x1f' read -r -a first <<<"${runs[0]}"
for ((i = 0; i < ${#first[@]}; i++)); do
  [ "${first[$i]}" = "-jvm" ] && fork_java=${first[$((i + 1))]}
done

jmh_args_text=""
for r in "${runs[@]}"; do r=${r%$'\x1f'}; jmh_args_text+="${r//$'\x1f'/ }; "; done
"$fork_java" "${DMFTBENCH_JVM_FLAGS[@]}" ${flags[@]+"${flags[@]}"} -cp "$JAR" org.dmftbench.report.Provenance \
  "$out/provenance.json" "profile=$profile" "jmhArgs=${jmh_args_text%; }" 2> >(grep -v 'Using incubator modules' >&2) \
  || { echo "dmftbench: $fork_java cannot run the suite (a JDK >= 22 is needed)" >&2; exit 2; }

echo "dmftbench: profile $profile, ${#runs[@]} JMH run(s), results in $out" >&2
parts=()
status=0
k=0
for r in "${runs[@]}"; do
  k=$((k + 1))
  IFS=$'\x1f' read -r -a run <<<"$r"
  echo "dmftbench: run $k/${#runs[@]}: java -jar benchmarks.jar ${run[*]}" | tee -a "$out/jmh-output.txt" >&2
  # JMH takes a machine-wide lock: wait while another run holds it (DMFTBENCH_LOCK_WAIT seconds, default 1800).
  waited=0
  while :; do
    size=$(wc -c <"$out/jmh-output.txt")
    set +e
    "$JAVA" "${DMFTBENCH_JVM_FLAGS[@]}" -jar "$JAR" "${run[@]}" ${exclude[@]+"${exclude[@]}"} 2>&1 | tee -a "$out/jmh-output.txt"
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" -ne 0 ] && tail -n 5 "$out/jmh-output.txt" | grep -q 'Unable to acquire the JMH lock' \
       && [ "$waited" -lt "${DMFTBENCH_LOCK_WAIT:-1800}" ]; then
      truncate -s "$size" "$out/jmh-output.txt"
      [ "$waited" -gt 0 ] || echo "dmftbench: another JMH run holds /tmp/jmh.lock; waiting (up to ${DMFTBENCH_LOCK_WAIT:-1800} s)" >&2
      sleep 5; waited=$((waited + 5))
      continue
    fi
    break
  done
  [ -s "$out/jmh-part$k.json" ] && parts+=("$out/jmh-part$k.json")
  if [ "$rc" -ne 0 ]; then
    echo "dmftbench: JMH run $k failed (exit $rc): a benchmark or its accuracy check failed; see $out/jmh-output.txt" >&2
    status=1
    break
  fi
done
if [ ${#parts[@]} -eq 0 ]; then
  echo "dmftbench: no JMH results were written" >&2
  exit 1
fi
if [ ${#parts[@]} -eq 1 ]; then
  mv "${parts[0]}" "$out/jmh.json"
else
  "$JAVA" -cp "$JAR" org.dmftbench.report.JmhPlan merge "$out/jmh.json" "${parts[@]}"
  rm -f "${parts[@]}"
fi
"$JAVA" "${DMFTBENCH_JVM_FLAGS[@]}" -cp "$JAR" org.dmftbench.cli.DmftBench report "$out" \
  2> >(grep -v 'Using incubator modules' >&2) >/dev/null
echo "dmftbench: bundle $out (summary.md, charts/)" >&2
exit $status
