/**
 * Offline triage: duplicates by meaning and suggested severity, priority and assignee,
 * computed on this server with no external service. Every bug gets a sentence embedding
 * of its title, description and steps (all-MiniLM-L6-v2, quantized, in process through
 * ONNX Runtime on one thread; the model ships inside a Maven Central jar), written after
 * commit by the {@code triage} outbox consumer in the outbox's slow lane
 * ({@code BugCreated}, {@code BugChanged} of the report text, and an import's
 * {@code BugsImported} batch once no import runs any more:
 * {@link dev.fixpoint.imports.Imports#running()}) or, for bugs filed before migration V41
 * or while the model was off, by {@code EmbeddingBackfill} (a
 * {@link dev.fixpoint.platform.Backfill}: rows under the model {@code none}, claimed
 * {@code FOR UPDATE SKIP LOCKED}): the filing request never waits for a model. With
 * {@code fixpoint.triage.enabled=false} (on by default) the model is never loaded: titles
 * are still stored (words find every bug; a filed bug's title row by {@code FiledTitles}
 * in the bug's own insert statement, {@link dev.fixpoint.bugs.FiledBugRows}, no outbox
 * row), nothing is suggested ({@code Suggestions.enabled} false), duplicates are found by
 * words alone, and pages draw no control leading to triage
 * ({@code web.TriageSwitchedOff}).
 * <p>
 * Public API: {@link dev.fixpoint.triage.DuplicateFinder} (hybrid ranking of semantic and
 * lexical similarity, open bugs first, with a score), {@link dev.fixpoint.triage.Triage}
 * (the suggestions of a bug, accepting or dismissing one, recorded),
 * {@link dev.fixpoint.triage.TriageAdmin} (per-project switches, the model, embedding
 * progress, acceptance rates) and {@link dev.fixpoint.triage.Deflection} (the same
 * ranking over texts the public may read, for the portal's "Is it one of these?": only
 * the texts passed in take part). Pages: the bug page's panel
 * ({@code /bugs/{KEY}/triage}, loaded by URL), the triage queue's hints per row
 * ({@code /bugs/{KEY}/triage/hints}, accept or dismiss each with htmx), the new-bug
 * form's possible duplicates ({@code /p/{KEY}/bugs/similar-fragment}), settings
 * ({@code /p/{KEY}/settings/triage}). API: {@code /api/projects/{id}/bugs/similar},
 * {@code /api/bugs/{id}/suggestions}, {@code /api/bugs/{id}/suggestions/feedback},
 * {@code /api/projects/{id}/triage}.
 * <p>
 * Owns {@code triage_vectors}, {@code triage_feedback}, {@code triage_settings} (V41,
 * V46). Rules: a suggestion is never applied by itself; accepting one is an ordinary edit
 * of the bug by the person who accepted it ({@code BugManagement.edit}), so history and
 * permissions are the bug's own; a value accepted or dismissed for a bug is not suggested
 * for it again. Text that gives nothing to embed (empty, only markup) is skipped with a
 * logged reason, never a failed filing. Vectors are kept in memory per project
 * ({@code VectorIndex}, about 520 bytes a bug, a bounded share of the heap; an exact scan
 * below 20,000 bugs, sign bits and an exact rerank above), refreshed from PostgreSQL by
 * sequence number at most once a second, so every node sees every other node's writes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triage suggestions")
package dev.fixpoint.triage;
