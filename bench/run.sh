#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh NameBench [args...]
# Benchmarks are single-file Java programs in bench/ (not part of the test suite); they print medians or ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh NameBench [args...]}; shift
build() { mvn -q -B "$@" compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/tmp/bench-build.$$ 2>&1; }
# offline first (fast); online once when a plugin or dependency is not in the local repository yet
if ! build -o && ! build; then cat /tmp/bench-build.$$ >&2; rm -f /tmp/bench-build.$$; exit 1; fi
rm -f /tmp/bench-build.$$
export OPT_OUT_TRACKING=true
exec java -Doffline=true ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" "bench/$name.java" "$@"
