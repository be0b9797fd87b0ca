#!/usr/bin/env bash
# The index's approximate search on real vectors (bench/README.md, "Triage"): compiles the two bench programs against
# target/classes (./mvnw -o -q compile first) in the product's package (they use package-private classes), then
#
#   bench/triage/ann.sh embed reports.jsonl vectors.bin     # EmbedReports: real embeddings of bug reports, resumable
#   bench/triage/ann.sh recall vectors.bin [queries.bin] [sizes] [held-out queries]   # AnnRecall: recall and CPU
#
# Keep the vector files outside the repository (100,000 vectors: 40 MB).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
JAVA=$(find_java)
CP=$(bench_classpath)
OUT=target/bench-ann
mkdir -p "$OUT"
"$(dirname "$JAVA")/javac" -nowarn -d "$OUT" -cp "target/classes:$CP" bench/triage/EmbedReports.java bench/triage/AnnRecall.java
case "${1:-}" in
  embed) shift; exec "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$OUT:target/classes:$CP" dev.fixpoint.triage.EmbedReports "$@" ;;
  recall) shift; exec "$JAVA" -Xmx1g -cp "$OUT:target/classes:$CP" dev.fixpoint.triage.AnnRecall "$@" ;;
  *) echo "usage: $0 embed|recall ..." >&2; exit 1 ;;
esac
