-- Issue 19, last part.

-- Retention of closed bugs (projects.retention_days / retention_action, V24): the "Anonymous" actor that an
-- anonymised bug names instead of its people, when a bug was anonymised, and the index the job walks (a project's
-- closed bugs, oldest closing first, keyset on (closed_at, id)).
insert into users (id, email, username, name, password_hash, kind) values
    ('00000000-0000-7000-8000-000000000007', 'anonymous[bot]@fixpoint.invalid', 'anonymous[bot]', 'Anonymous', '!', 'system');
alter table bugs add column anonymised_at timestamptz;
create index bugs_project_closed_idx on bugs (project_id, closed_at, id) where closed_at is not null;

-- SSO email domains are claimed by an organization and routed only once verified: by a person with a verified
-- address at the domain (the claiming admin themself, or whoever follows the emailed confirmation link). Several
-- organizations may claim a domain; one verified claim per domain in the whole installation.
alter table sso_email_domains drop constraint sso_email_domains_pkey;
alter table sso_email_domains add column verified_at timestamptz;
alter table sso_email_domains add column verified_by uuid references users (id) on delete set null;
alter table sso_email_domains add primary key (provider_id, domain);
create unique index sso_email_domains_verified on sso_email_domains (domain) where verified_at is not null;
-- claims made before verification existed stay routed when an admin of the organization has a verified address
-- at the domain; the others wait for a confirmation
update sso_email_domains d set verified_at = now(), verified_by = (
    select u.id from sso_providers p
    join organization_members m on m.org_id = p.org_id and m.role = 'admin'
    join users u on u.id = m.user_id
    where p.id = d.provider_id and u.email_verified_at is not null and u.deleted_at is null
      and lower(split_part(u.email::text, '@', 2)) = d.domain
    order by u.id limit 1)
where exists (
    select 1 from sso_providers p
    join organization_members m on m.org_id = p.org_id and m.role = 'admin'
    join users u on u.id = m.user_id
    where p.id = d.provider_id and u.email_verified_at is not null and u.deleted_at is null
      and lower(split_part(u.email::text, '@', 2)) = d.domain);

-- the emailed confirmation of a domain claim
alter table account_links drop constraint account_links_purpose_check;
alter table account_links add constraint account_links_purpose_check
    check (purpose in ('password_reset', 'email_change', 'email_verification', 'invitation', 'sso_domain'));
