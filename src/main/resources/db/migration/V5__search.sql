-- Full-text search also covers public comments (lowest weight). Bug fields stay in the generated search_vector;
-- comment text is kept in comment_vector by a trigger on comments; one GIN index serves both together.
alter table bugs add column comment_vector tsvector not null default ''::tsvector;

create function bugs_refresh_comment_vector(target uuid) returns void language sql as $$
    update bugs set comment_vector = coalesce((
        select setweight(to_tsvector('english', string_agg(content, ' ')), 'D')
        from comments
        where bug_id = target and not is_internal and deleted_at is null), ''::tsvector)
    where id = target;
$$;

create function comments_search_trigger() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform bugs_refresh_comment_vector(old.bug_id);
    else
        perform bugs_refresh_comment_vector(new.bug_id);
    end if;
    return null;
end;
$$;

create trigger comments_search after insert or update of content, is_internal, deleted_at or delete on comments
    for each row execute function comments_search_trigger();

drop index bugs_search_idx;
create index bugs_fulltext_idx on bugs using gin ((search_vector || comment_vector));
-- typo- and prefix-tolerant title matching (word_similarity, "<%"), also for "similar bugs" while filing
create index bugs_title_trgm_idx on bugs using gin (title gin_trgm_ops);

create table saved_filters (
    id          uuid primary key,
    project_id  uuid not null references projects (id) on delete cascade,
    owner_id    uuid not null references users (id) on delete cascade,
    name        text not null check (length(name) between 1 and 80),
    query       text not null check (length(query) <= 1000),
    shared      boolean not null default false,
    created_at  timestamptz not null default now()
);
create index saved_filters_project_idx on saved_filters (project_id, owner_id);
