-- Second factors: a TOTP seed per person (sealed with platform's SecretBox; confirmed once the person has typed a
-- code from it), single-use recovery codes (SHA-256 only), and organizations that require a second factor.
create table user_totp (
    user_id         uuid primary key references users (id) on delete cascade,
    sealed_secret   bytea not null,
    confirmed_at    timestamptz,
    -- the last 30-second step a code was accepted for: a code is never accepted twice
    last_used_step  bigint,
    created_at      timestamptz not null default now()
);

create table recovery_codes (
    user_id    uuid not null references users (id) on delete cascade,
    code_hash  bytea not null,
    used_at    timestamptz,
    primary key (user_id, code_hash)
);

alter table organizations add column require_two_factor boolean not null default false;
