# shellcheck shell=bash
# Sourced by the dmftbench scripts: finds a JDK >= 22 and exports JAVA_HOME and PATH.
#
# Order: $JAVA_HOME when it is suitable; then the usual install places
# (/usr/lib/jvm/*, ~/.sdkman/candidates/java/*, /opt/*, /usr/local/*, /Library/Java/JavaVirtualMachines/*/Contents/Home);
# then the java on PATH. Among the candidates found in install places, the newest wins.
# When none is suitable it lists what it saw and what to install, and returns non-zero.

DMFTBENCH_MIN_JDK=${DMFTBENCH_MIN_JDK:-22}

# Prints the feature version (17, 22, 25, ...) of the JDK at $1, or nothing when $1 is no JDK.
dmftbench_jdk_feature() {
  local home=$1 line v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  if [ -r "$home/release" ]; then
    line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null)
    v=${line#JAVA_VERSION=}; v=${v//\"/}
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  v=${v#1.}
  v=${v%%[.+-]*}
  [[ "$v" =~ ^[0-9]+$ ]] || return 1
  echo "$v"
}

dmftbench_find_jdk() {
  local seen=() best="" best_v=0 home v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(dmftbench_jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$DMFTBENCH_MIN_JDK" ]; then
      best=$JAVA_HOME; best_v=$v
    else
      seen+=("JAVA_HOME=$JAVA_HOME (${v:-not a JDK})")
      echo "dmftbench: JAVA_HOME=$JAVA_HOME is ${v:+JDK }${v:-not a JDK}, need >= $DMFTBENCH_MIN_JDK; looking in the usual places" >&2
    fi
  fi
  if [ -z "$best" ]; then
    for home in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /opt/* /opt/java/* /usr/local/* /usr/java/* \
                /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -d "$home" ] && [ ! -L "$home" ] || continue
      v=$(dmftbench_jdk_feature "$home") || continue
      seen+=("$home ($v)")
      if [ "$v" -ge "$DMFTBENCH_MIN_JDK" ] && [ "$v" -gt "$best_v" ]; then
        best=$home; best_v=$v
      fi
    done
  fi
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(dmftbench_jdk_feature "$home")
    if [ -n "$v" ] && [ "$v" -ge "$DMFTBENCH_MIN_JDK" ]; then best=$home; best_v=$v; else seen+=("PATH: $home (${v:-?})"); fi
  fi
  if [ -z "$best" ]; then
    echo "dmftbench: no JDK >= $DMFTBENCH_MIN_JDK found." >&2
    if [ ${#seen[@]} -gt 0 ]; then
      echo "  seen: ${seen[*]}" >&2
    else
      echo "  seen: no JDK at all in JAVA_HOME, /usr/lib/jvm, ~/.sdkman, /opt, /usr/local or on PATH" >&2
    fi
    echo "  install one (e.g. Temurin 25: apt install temurin-25-jdk, or sdk install java 25-tem) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  [ -n "${DMFTBENCH_QUIET_JDK:-}" ] || echo "dmftbench: using JDK $best_v at $JAVA_HOME" >&2
  return 0
}
