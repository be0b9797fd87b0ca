#!/usr/bin/env bash
# Quality of triage on the evaluation set (src/test/resources/triage/eval.tsv): runs TriageQualityTest, which uses
# the product's model, PostgreSQL's trigram similarity and ranking and suggestion rules, and prints its tables
# (recall@5 and MRR of duplicates by words, meaning and hybrid; severity and priority accuracy and assignee top-3 hit
# rate on two held-out splits). The same numbers are in target/triage-quality.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -o -q test -Dtest=TriageQualityTest -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
cat target/triage-quality.md
