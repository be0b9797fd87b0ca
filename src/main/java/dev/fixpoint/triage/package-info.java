/**
 * Offline triage: duplicates by meaning and suggested severity, priority and assignee,
 * computed on this server with no external service. Every bug gets a sentence embedding
 * of its title, description and steps (all-MiniLM-L6-v2, quantized, in process through
 * ONNX Runtime; the model ships inside a Maven Central jar), written after commit by the
 * {@code triage} outbox consumer ({@code BugCreated}, and {@code BugChanged} of the
 * report text) or, for bugs filed before the module existed, by the backfill job
 * ({@code triage_backfill}, claimed {@code FOR UPDATE SKIP LOCKED}): the filing request
 * never waits for a model.
 * <p>
 * Public API: {@link dev.fixpoint.triage.DuplicateFinder} (hybrid ranking of semantic and
 * lexical similarity, open bugs first, with a score), {@link dev.fixpoint.triage.Triage}
 * (the suggestions of a bug, accepting or dismissing one, recorded), and
 * {@link dev.fixpoint.triage.TriageAdmin} (per-project switches, the model, backfill
 * progress, acceptance rates). Pages: the bug page's panel ({@code /bugs/{KEY}/triage},
 * loaded by URL), the new-bug form's possible duplicates
 * ({@code /p/{KEY}/bugs/similar-fragment}), settings ({@code /p/{KEY}/settings/triage}).
 * API: {@code /api/projects/{id}/bugs/similar}, {@code /api/bugs/{id}/suggestions},
 * {@code /api/bugs/{id}/suggestions/feedback}, {@code /api/projects/{id}/triage}.
 * <p>
 * Owns {@code triage_vectors}, {@code triage_backfill}, {@code triage_feedback},
 * {@code triage_settings}. Rules: a suggestion is never applied by itself; accepting one
 * is an ordinary edit of the bug by the person who accepted it
 * ({@code BugManagement.edit}), so history and permissions are the bug's own. Text that
 * gives nothing to embed (empty, only markup) is skipped with a logged reason, never a
 * failed filing. Vectors are kept in memory per project ({@code VectorIndex}, 384 bytes a
 * bug), refreshed from PostgreSQL by sequence number, so every node sees every other
 * node's writes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage suggestions")
package dev.fixpoint.triage;
