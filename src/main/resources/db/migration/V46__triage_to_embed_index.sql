-- The embedding backfill (triage.EmbeddingBackfill) walks, in bug_id order, the rows not embedded by the current model
-- (all-MiniLM-L6-v2-q): without this index its first batch after every start read the whole table (1,000,000 rows)
-- once all were embedded; with it, only the rows still to embed. A new model comes with a migration of its own.
create index triage_vectors_to_embed_idx on triage_vectors (bug_id) where model <> 'all-MiniLM-L6-v2-q';
