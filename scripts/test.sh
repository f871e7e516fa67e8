#!/usr/bin/env bash
# Builds dmftbench and runs the whole test suite (unit, accuracy and CLI tests).
# Usage: scripts/test.sh [extra Maven arguments, e.g. -Dtest=EigenTest]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/jdk.sh
dmftbench_find_jdk
. scripts/lib/build.sh
exec mvn -B -ntp -Dstyle.color=never verify "$@"
