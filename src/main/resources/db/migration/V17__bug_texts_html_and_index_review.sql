-- A bug's report (description, steps, expected, actual) as sanitized HTML, rendered once per text instead of on
-- every page view: made from the texts whose SHA-256 is source_hash by the renderer version `renderer`
-- (bugs.BugTexts.RENDERER); rendered again when either differs. Only pages read it; the API returns the markdown.
create table bug_texts_html (
    bug_id             uuid primary key references bugs (id) on delete cascade,
    source_hash        bytea not null,
    renderer           smallint not null,
    description        text not null,
    steps_to_reproduce text not null,
    expected_behavior  text not null,
    actual_behavior    text not null
);

-- Index review of `bugs` (bench/README.md "Indexes on bugs"): every filter on the assignee runs inside one
-- project or the caller's projects and is served by bugs_project_assignee_updated_idx (project_id, assignee_id,
-- updated_at desc, id desc); users are never deleted, so the foreign key needs no index either. One index less
-- to write on every filing and assignment.
drop index bugs_assignee_idx;
