#!/usr/bin/env bash
# Runs one benchmark: bench/run.sh NameBench [args...]
# Benchmarks are single-file Java programs in bench/ (not part of the test suite); they print medians or ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: bench/run.sh NameBench [args...]}; shift
mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
export OPT_OUT_TRACKING=true
exec java -Doffline=true ${BENCH_JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" "bench/$name.java" "$@"
