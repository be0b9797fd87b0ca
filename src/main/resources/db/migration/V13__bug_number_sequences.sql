-- Bug numbers come from one sequence per project instead of projects.next_bug_number: incrementing that column
-- locked the project row until the filing transaction committed, so two bugs of one project were never filed at the
-- same time (~170 filings/s on 2 cores, bench/README.md). A sequence hands out numbers without waiting; a filing that
-- rolls back leaves a gap (like deleting a bug does). The sequence is created with its project and dropped with it.
create function bug_number_sequence(project uuid) returns text
language sql immutable as $$ select 'bug_number_' || replace(project::text, '-', '') $$;

create function create_bug_number_sequence() returns trigger
language plpgsql as $$
begin
    -- bugs copied in before the project row (bulk loads) are counted; a new project starts at 1
    execute format('create sequence %I as integer start with %s', bug_number_sequence(new.id),
                   coalesce((select max(number) from bugs where project_id = new.id), 0) + 1);
    return new;
end $$;

create function drop_bug_number_sequence() returns trigger
language plpgsql as $$
begin
    execute format('drop sequence if exists %I', bug_number_sequence(old.id));
    return old;
end $$;

create function next_bug_number(project uuid) returns integer
language sql as $$ select nextval(bug_number_sequence(project))::integer $$;

-- existing projects continue where their counter was (numbers of deleted bugs are never handed out again)
do $$
declare
    p record;
begin
    for p in select id, next_bug_number from projects loop
        execute format('create sequence %I as integer start with %s', bug_number_sequence(p.id), p.next_bug_number);
    end loop;
end $$;

alter table projects drop column next_bug_number;

create trigger projects_create_bug_number_sequence after insert on projects
    for each row execute function create_bug_number_sequence();
create trigger projects_drop_bug_number_sequence after delete on projects
    for each row execute function drop_bug_number_sequence();
