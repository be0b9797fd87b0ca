#!/usr/bin/env bash
# CPU time per embedding, single-threaded, after warm-up (bench/README.md, "Triage"): runs EmbeddingCpu.java against
# the compiled classes (./mvnw -o -q compile first) and the project's dependencies.
#
#   bench/triage/embedding-cpu.sh [langchain4j|fixpoint] [batch] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
JAVA=$(find_java)
CP=$(bench_classpath)
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "target/classes:$CP" bench/triage/EmbeddingCpu.java "$@"
