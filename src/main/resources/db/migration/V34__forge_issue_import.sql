-- GitLab issues are imported through their REST API as well (imports.RemoteIssues.GitLab), also from a linked GitLab
-- project's integration page (forge.ForgeIssueImports).
alter table import_jobs drop constraint import_jobs_source_check;
alter table import_jobs add constraint import_jobs_source_check
    check (source in ('jira_csv', 'linear_csv', 'csv', 'json', 'jira_api', 'redmine_api', 'github_api', 'gitlab_api'));

-- An imported GitHub issue keeps its address in the contract's github_issue_url (set by bugs.BugImport from now on);
-- the GitHub imports before this migration get it from import_url.
update bugs set github_issue_url = import_url
where import_source = 'github' and import_url is not null and github_issue_url is null;

-- A GitHub issue's import id was its number; it is owner/repo#number now (imports.RemoteIssues.GitHub), so two
-- repositories imported into one project keep their issues apart. Earlier GitHub imports take the repository from
-- their issue's address, so a re-run still finds them.
update bugs
set import_id = substring(import_url from '^https?://[^/]+/([^/]+/[^/]+)/issues/[0-9]+$') || '#' || import_id
where import_source = 'github' and import_id ~ '^[0-9]+$'
  and import_url ~ '^https?://[^/]+/[^/]+/[^/]+/issues/[0-9]+$';
