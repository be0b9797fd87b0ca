-- Nodes answer a member's view of a project (projects.ProjectMemory) and each project's release names
-- (bugs.ReleaseMemory) from memory. As in V48: any change that could alter an answer notifies its channel when its
-- transaction commits, whichever code or session made it, and every node then forgets what it remembered. Statement
-- triggers: one notice per statement (PostgreSQL folds equal notices of a transaction into one). Filing a bug only
-- share-locks its project's row, which fires nothing.
-- One function for every such trigger: the channel is the trigger's argument.
create function change_notice() returns trigger language plpgsql as $$
begin
    perform pg_notify(tg_argv[0], '');
    return null;
end
$$;

create trigger projects_changes
    after insert or update or delete or truncate on projects
    for each statement execute function change_notice('project_changes');

create trigger project_members_changes
    after insert or update or delete or truncate on project_members
    for each statement execute function change_notice('project_changes');

create trigger releases_changes
    after insert or update or delete or truncate on releases
    for each statement execute function change_notice('release_changes');
