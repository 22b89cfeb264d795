#!/usr/bin/env bash
# JMH micro-benchmarks of a build's hot spots, on the bundled example (bench/jmh/).
#
#   bench/jmh.sh [JMH options]      e.g. bench/jmh.sh parseSeed -f 1 -wi 2 -i 3
#
# Compiles with the Maven profile `jmh` (the normal build leaves JMH out), then runs JMH from the
# repository root, where the benchmarks read checklists/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
mvn -B -q -Pjmh -DskipTests -Dappcds.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/jmh.classpath)" \
  org.openjdk.jmh.Main "$@"
