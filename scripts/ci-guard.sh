#!/usr/bin/env bash
# CI performance regression guard: base against head on the same machine, interleaved, confirmed.
#
# Usage: scripts/ci-guard.sh [--base REF | --baseline BUNDLE] [--calibrate] [--rounds R] [--threshold PCT]
#                            [--profile quick] [--markdown FILE] [--work DIR] [-- JMH flags]
#   --base REF         build REF (default: origin/main, else main) in a temporary git worktree and the
#                      working tree as head; run the profile of both interleaved (A B A B ..., one fork
#                      each, --rounds rounds, default 3) so drift on the machine hits both alike
#   --baseline BUNDLE  compare head against a stored bundle/JMH JSON instead (not interleaved: only for
#                      runners that are not shared)
#   --calibrate        A/A run: head against itself, interleaved; prints the noise floor per row and a
#                      suggested --threshold for this runner (exit 0 unless it reports a regression)
#   --threshold PCT    smallest change that counts (default 5)
#   --markdown FILE    also write the comparison as Markdown (a pull-request comment)
#   JMH flags          as for scripts/bench.sh, e.g. a regex to guard only some benchmarks
# A first comparison that finds a regression re-runs only the regressed benchmarks (same interleaving)
# and fails only when the same rows regress again. Exit codes: 0 ok, 3 confirmed regression, 1 build or
# run failure, 2 bad usage.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
base=""
baseline=""
calibrate=0
rounds=3
threshold=5
profile=quick
markdown=""
work=""
jmh=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --calibrate) calibrate=1; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --markdown) markdown=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --help|-h) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    --) shift; jmh=("$@"); break ;;
    *) echo "dmftbench: unknown argument $1 (--help for usage)" >&2; exit 2 ;;
  esac
done
[ -z "$base" ] || [ -z "$baseline" ] || { echo "dmftbench: give --base or --baseline, not both" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "dmftbench: --rounds must be a positive integer" >&2; exit 2; }
profile_file=$ROOT/scripts/profiles/$profile.args
[ -f "$profile_file" ] || { echo "dmftbench: no profile \"$profile\"" >&2; exit 2; }
if [ -n "$baseline" ] && [ ! -e "$baseline" ]; then echo "dmftbench: --baseline $baseline does not exist" >&2; exit 2; fi

. "$ROOT/scripts/lib/jdk.sh"
dmftbench_find_jdk
. "$ROOT/scripts/lib/build.sh"
. "$ROOT/scripts/lib/suite.sh"
cd "$ROOT"
[ -n "$work" ] || work=$(mktemp -d "${TMPDIR:-/tmp}/dmftbench-guard.XXXXXX")
mkdir -p "$work"
work=$(cd "$work" && pwd)
log=$work/jmh-output.txt
: >"$log"
echo "dmftbench: working in $work" >&2

dmftbench_build_bench
cp "$DMFTBENCH_BENCH_JAR" "$work/head.jar"
HEAD_JAR=$work/head.jar
cli() { "$JAVA_HOME/bin/java" "${DMFTBENCH_JVM_FLAGS[@]}" -cp "$HEAD_JAR" org.dmftbench.cli.DmftBench "$@" \
  2> >(grep -v 'Using incubator modules' >&2); }

BASE_JAR=""
if [ "$calibrate" -eq 1 ]; then
  BASE_JAR=$HEAD_JAR
elif [ -z "$baseline" ]; then
  if [ -z "$base" ]; then
    if git rev-parse -q --verify origin/main >/dev/null; then base=origin/main; else base=main; fi
  fi
  rev=$(git rev-parse -q --verify "$base^{commit}") || { echo "dmftbench: --base $base is not a commit" >&2; exit 2; }
  echo "dmftbench: building base $base ($(git rev-parse --short "$rev"))" >&2
  git worktree add -q --detach "$work/base-src" "$rev"
  trap 'git -C "$ROOT" worktree remove --force "$work/base-src" 2>/dev/null || true' EXIT
  if ! (cd "$work/base-src" && mvn -B -q -ntp -Dstyle.color=never -Pbench package -DskipTests >"$work/base-build.log" 2>&1); then
    echo "dmftbench: the base does not build; the end of $work/base-build.log:" >&2
    tail -n 30 "$work/base-build.log" >&2
    exit 1
  fi
  cp "$work/base-src/target/benchmarks.jar" "$work/base.jar"
  BASE_JAR=$work/base.jar
fi

# run_pair TAG [JMH args]: interleaved rounds into $work/TAG-a and $work/TAG-b (or head only with --baseline).
run_pair() {
  local tag=$1; shift
  local r
  mkdir -p "$work/$tag-a" "$work/$tag-b"
  : >"$work/$tag-a/accuracy.jsonl"; : >"$work/$tag-b/accuracy.jsonl"
  for ((r = 1; r <= rounds; r++)); do
    if [ -n "$BASE_JAR" ]; then
      echo "dmftbench: $tag round $r/$rounds: base" >&2
      dmftbench_plan "$HEAD_JAR" "$profile_file" "$work/$tag-a" "$@" -f 1
      dmftbench_run_planned "$BASE_JAR" "$work/$tag-a" "r$r" "$log"
    fi
    echo "dmftbench: $tag round $r/$rounds: head" >&2
    dmftbench_plan "$HEAD_JAR" "$profile_file" "$work/$tag-b" "$@" -f 1
    dmftbench_run_planned "$HEAD_JAR" "$work/$tag-b" "r$r" "$log"
  done
}

run_pair first ${jmh[@]+"${jmh[@]}"}
A=$work/first-a
[ -n "$BASE_JAR" ] || A=$baseline

if [ "$calibrate" -eq 1 ]; then
  cli compare --noise --threshold "$threshold" "$A" "$work/first-b" | tee "$work/calibration.txt"
  echo "dmftbench: A/A calibration in $work/calibration.txt" >&2
  exit 0
fi

set +e
cli compare --threshold "$threshold" --json --out "$work/first.json" "$A" "$work/first-b" >/dev/null
rc=$?
set -e
cli compare --threshold "$threshold" "$A" "$work/first-b" || true
[ -z "$markdown" ] || cli compare --threshold "$threshold" --markdown --out "$markdown" "$A" "$work/first-b" >/dev/null || true
if [ "$rc" -eq 0 ]; then
  echo "dmftbench: no regression" >&2
  exit 0
fi
[ "$rc" -eq 3 ] || { echo "dmftbench: comparison failed (exit $rc)" >&2; exit "$rc"; }

regex=$("$JAVA_HOME/bin/java" -cp "$HEAD_JAR" org.dmftbench.report.JmhPlan regressed "$work/first.json")
echo "dmftbench: regression found; re-running $regex to confirm" >&2
run_pair confirm ${jmh[@]+"${jmh[@]}"} "$regex"
A2=$work/confirm-a
[ -n "$BASE_JAR" ] || A2=$baseline
set +e
cli compare --threshold "$threshold" --confirm-of "$work/first.json" "$A2" "$work/confirm-b"
rc=$?
set -e
if [ "$rc" -eq 3 ]; then
  echo "dmftbench: confirmed performance regression (details above; data in $work)" >&2
else
  echo "dmftbench: the regression did not reproduce in the confirmation run; passing" >&2
fi
exit "$rc"
