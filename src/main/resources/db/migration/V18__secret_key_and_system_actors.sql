-- The key that seals secrets kept for other systems (platform.SecretBox) when
-- FIXPOINT_SECRET_KEY is not set: generated once by the first node that needs it.
create table platform_secret_key (
    id          int primary key check (id = 1),
    secret      bytea not null check (length(secret) = 32),
    created_at  timestamptz not null default now()
);

-- Named system actors: who history shows when an integration acts ("GitHub", "Slack",
-- "Portal", ...). They are users of kind 'system': they cannot sign in, are never members,
-- and their usernames end in [bot], which no person's username can.
alter table users add column kind text not null default 'person' check (kind in ('person', 'system'));
alter table users drop constraint users_username_check;
alter table users add constraint users_username_check check (
    (kind = 'person' and username ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{1,38}$')
    or (kind = 'system' and username ~ '^[a-z]+\[bot\]$'));

insert into users (id, email, username, name, password_hash, kind) values
    ('00000000-0000-7000-8000-000000000001', 'system[bot]@fixpoint.invalid', 'system[bot]', 'System', '!', 'system'),
    ('00000000-0000-7000-8000-000000000002', 'github[bot]@fixpoint.invalid', 'github[bot]', 'GitHub', '!', 'system'),
    ('00000000-0000-7000-8000-000000000003', 'gitlab[bot]@fixpoint.invalid', 'gitlab[bot]', 'GitLab', '!', 'system'),
    ('00000000-0000-7000-8000-000000000004', 'slack[bot]@fixpoint.invalid', 'slack[bot]', 'Slack', '!', 'system'),
    ('00000000-0000-7000-8000-000000000005', 'portal[bot]@fixpoint.invalid', 'portal[bot]', 'Portal', '!', 'system'),
    ('00000000-0000-7000-8000-000000000006', 'import[bot]@fixpoint.invalid', 'import[bot]', 'Import', '!', 'system');
