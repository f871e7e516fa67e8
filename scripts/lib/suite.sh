# shellcheck shell=bash
# Sourced by compare-jdks.sh and ci-guard.sh after jdk.sh and build.sh: planning and running JMH
# invocations of a profile (the merging rules are those of scripts/bench.sh, see JmhPlan).

# dmftbench_plan JAR PROFILE_FILE OUTDIR [JMH args...]: fills DMFTBENCH_RUNS (one entry per JMH
# invocation, arguments separated by \x1f); results go to OUTDIR/jmh-partK.json and OUTDIR/accuracy.jsonl.
dmftbench_plan() {
  local jar=$1 profile_file=$2 outdir=$3; shift 3
  local list tok mode="" cur=""
  list=$(mktemp)
  "$JAVA_HOME/bin/java" "${DMFTBENCH_JVM_FLAGS[@]}" -jar "$jar" -l 2>/dev/null >"$list"
  DMFTBENCH_RUNS=()
  while IFS= read -r -d '' tok; do
    case "$tok" in
      RUN) [ "$mode" = RUN ] && DMFTBENCH_RUNS+=("$cur"); mode=RUN; cur="" ;;
      FLAGS) [ "$mode" = RUN ] && DMFTBENCH_RUNS+=("$cur"); mode=FLAGS ;;
      *) [ "$mode" = RUN ] && cur+="$tok"$'\x1f' ;;
    esac
  done < <("$JAVA_HOME/bin/java" -cp "$jar" org.dmftbench.report.JmhPlan plan "$profile_file" "$list" "$outdir" "$@")
  rm -f "$list"
  [ ${#DMFTBENCH_RUNS[@]} -gt 0 ] || { echo "dmftbench: could not plan the JMH runs (see above)" >&2; return 2; }
}

# dmftbench_run_planned JAR OUTDIR TAG LOG: runs every planned invocation with JAR, renaming each
# result to OUTDIR/jmh-TAG-partK.json (JmhResults merges jmh*.json of a directory as extra forks).
dmftbench_run_planned() {
  local jar=$1 outdir=$2 tag=$3 log=$4 k=0 r rc
  local -a run
  for r in "${DMFTBENCH_RUNS[@]}"; do
    k=$((k + 1))
    IFS=$'\x1f' read -r -a run <<<"${r%$'\x1f'}"
    echo "dmftbench: [$tag] java -jar $(basename "$jar") ${run[*]}" >>"$log"
    dmftbench_jmh "$log" "$JAVA_HOME/bin/java" "${DMFTBENCH_JVM_FLAGS[@]}" -jar "$jar" "${run[@]}" && rc=0 || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "dmftbench: JMH failed (exit $rc) for $tag; the end of $log:" >&2
      tail -n 25 "$log" >&2
      return 1
    fi
    mv "$outdir/jmh-part$k.json" "$outdir/jmh-$tag-part$k.json"
  done
}

# dmftbench_jmh LOG COMMAND...: runs a JMH command, appending its output to LOG; while another JMH
# process holds the machine-wide lock (/tmp/jmh.lock) it waits and retries, up to DMFTBENCH_LOCK_WAIT
# seconds (default 1800), saying so on standard error.
dmftbench_jmh() {
  local log=$1; shift
  local waited=0 limit=${DMFTBENCH_LOCK_WAIT:-1800} tmp rc
  tmp=$(mktemp)
  while :; do
    set +e
    "$@" >"$tmp" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ] && grep -q 'Unable to acquire the JMH lock' "$tmp" && [ "$waited" -lt "$limit" ]; then
      [ "$waited" -eq 0 ] && echo "dmftbench: another JMH run holds /tmp/jmh.lock; waiting (up to ${limit}s)" >&2
      sleep 5
      waited=$((waited + 5))
      continue
    fi
    cat "$tmp" >>"$log"
    rm -f "$tmp"
    return "$rc"
  done
}
