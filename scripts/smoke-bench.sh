#!/usr/bin/env bash
# Smoke run of the JMH suite: every benchmark once, at its smallest size (profile "smoke": one fork,
# no warm-up, one 100 ms iteration), so that each benchmark's @Setup accuracy check runs; with
# -foe true a failing check fails this script. Never a timing gate: the numbers are not looked at.
# Output bundle: target/bench-smoke/. Extra JMH flags pass through (e.g. a regex).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$ROOT/target/bench-smoke"
exec "$ROOT/scripts/bench.sh" --profile smoke --out "$ROOT/target/bench-smoke" "$@"
