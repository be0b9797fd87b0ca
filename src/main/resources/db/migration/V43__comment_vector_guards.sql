-- Comments' text in their bug's full-text vector (V5, V23), recomputed only when it can have changed, and in one
-- statement per insert (bench/imports/README.md, 2026-12-06 23:00).
--
-- Updates: "after update of content, is_internal, deleted_at" fired for every update that merely named one of those
-- columns, so an edit that saved the same text recomputed the bug's whole comment text (to find the vector equal).
-- Now the trigger fires only when one of them really changed. A delete keeps its own trigger (no NEW to compare).
drop trigger comments_search on comments;
create trigger comments_search after update of content, is_internal, deleted_at on comments
    for each row when (old.content is distinct from new.content or old.is_internal is distinct from new.is_internal
                       or old.deleted_at is distinct from new.deleted_at)
    execute function comments_search_trigger();
create trigger comments_search_delete after delete on comments
    for each row execute function comments_search_trigger();

-- Inserts (one comment, or an import batch's hundreds): the vectors of all the statement's bugs in one update,
-- instead of one function call (and one update statement) per bug; as before, a bug whose stored vector is already
-- right (an import stores it with the bug) is not written again. Same text, same order (created_at, id), same vector.
create or replace function comments_search_inserted() returns trigger language plpgsql as $$
begin
    update bugs b set comment_vector = v.vector
    from (select a.bug_id, coalesce((
              select setweight(to_tsvector('english', string_agg(c.content, ' ' order by c.created_at, c.id)), 'D')
              from comments c
              where c.bug_id = a.bug_id and not c.is_internal and c.deleted_at is null), ''::tsvector) as vector
          from (select distinct bug_id from added) a) v
    where b.id = v.bug_id and b.comment_vector is distinct from v.vector;
    return null;
end;
$$;

-- An import's uploaded file (import_job_chunks, 1 MiB pieces) is stored as it comes: PostgreSQL compressed every piece
-- (pglz) on upload and decompressed it on both passes over the file, CPU spent to save disk only while the job runs
-- (its file is dropped when it ends).
alter table import_job_chunks alter column data set storage external;
