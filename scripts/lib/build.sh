# shellcheck shell=bash
# Sourced by the dmftbench scripts after jdk.sh: builds the jars when they are missing or older
# than their sources. Maven output goes to target/build.log unless DMFTBENCH_BUILD_VERBOSE is set.

DMFTBENCH_ROOT=${DMFTBENCH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
DMFTBENCH_CLI_JAR=$DMFTBENCH_ROOT/target/dmftbench-cli.jar
DMFTBENCH_BENCH_JAR=$DMFTBENCH_ROOT/target/benchmarks.jar

# Maven itself calls sun.misc.Unsafe; JDK 24+ warns about it on every build unless allowed.
if [ "$(dmftbench_jdk_feature "$JAVA_HOME" 2>/dev/null || echo 0)" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi

# True (0) when $1 is missing or older than any file under the following paths.
dmftbench_stale() {
  local target=$1; shift
  [ -f "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}

dmftbench_mvn() {
  local log=$DMFTBENCH_ROOT/target/build.log
  mkdir -p "$DMFTBENCH_ROOT/target"
  if [ -n "${DMFTBENCH_BUILD_VERBOSE:-}" ]; then
    mvn -B -ntp -Dstyle.color=never "$@"
  elif ! mvn -B -ntp -Dstyle.color=never "$@" >"$log" 2>&1; then
    echo "dmftbench: build failed (mvn $*); the end of $log:" >&2
    tail -n 40 "$log" >&2
    return 1
  fi
}

# Builds target/dmftbench-cli.jar when stale.
dmftbench_build_cli() {
  if dmftbench_stale "$DMFTBENCH_CLI_JAR" "$DMFTBENCH_ROOT/src/main" "$DMFTBENCH_ROOT/pom.xml"; then
    echo "dmftbench: building the solver and command line (log: target/build.log)" >&2
    (cd "$DMFTBENCH_ROOT" && dmftbench_mvn package -DskipTests) || return 1
  fi
}

# Builds target/benchmarks.jar (profile "bench": solver + jmh/ sources + JMH) when stale.
dmftbench_build_bench() {
  if dmftbench_stale "$DMFTBENCH_BENCH_JAR" "$DMFTBENCH_ROOT/src/main" "$DMFTBENCH_ROOT/jmh/src" "$DMFTBENCH_ROOT/pom.xml"; then
    echo "dmftbench: building the JMH suite (log: target/build.log)" >&2
    (cd "$DMFTBENCH_ROOT" && dmftbench_mvn -Pbench package) || return 1
  fi
}

# The flags every JVM that runs dmftbench code needs.
DMFTBENCH_JVM_FLAGS=(--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
