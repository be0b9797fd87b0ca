#!/usr/bin/env bash
# CPU time per embedding, single-threaded, after warm-up (bench/README.md, "Triage"): runs EmbeddingCpu.java against
# the compiled classes (./mvnw -o -q compile first) and the project's dependencies.
#
#   bench/triage/embedding-cpu.sh [langchain4j|fixpoint] [batch] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
JAVA=$(find_java)
CP=target/bench-classpath.txt
if [[ ! -s "$CP" || pom.xml -nt "$CP" ]]; then
  JAVA_HOME=$(dirname "$(dirname "$JAVA")") ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$CP" >&2
fi
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/classes:$(cat "$CP")" bench/triage/EmbeddingCpu.java "$@"
