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

-- Passkeys (WebAuthn), the columns of Spring Security's user_entities and user_credentials schemas
-- (org/springframework/security/user-entities-schema.sql, user-credentials-schema-postgres.sql) tied to users.
-- A person's WebAuthn user handle: random bytes (base64url), never their id or email (authenticators keep it).
create table passkey_users (
    user_id       uuid primary key references users (id) on delete cascade,
    user_handle   text not null unique,
    name          text not null,
    display_name  text not null
);

create table passkeys (
    credential_id                 text primary key,            -- base64url
    user_id                       uuid not null references users (id) on delete cascade,
    public_key                    bytea not null,              -- COSE key
    signature_count               bigint not null default 0,
    uv_initialized                boolean not null default false,
    backup_eligible               boolean not null default false,
    backup_state                  boolean not null default false,
    authenticator_transports      text,
    public_key_credential_type    text,
    attestation_object            bytea,
    attestation_client_data_json  bytea,
    label                         text not null check (length(label) between 1 and 64),
    created_at                    timestamptz not null default now(),
    last_used_at                  timestamptz
);
create index passkeys_user on passkeys (user_id);

-- "Remember this device for 30 days" after a second factor: the cookie holds the row's id and a random secret; only
-- the secret's SHA-256 is kept. Deleting the row (security page, sign-out everywhere, admin reset) revokes it.
create table remembered_devices (
    id            uuid primary key,
    user_id       uuid not null references users (id) on delete cascade,
    secret_hash   bytea not null,
    label         text not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz not null,
    expires_at    timestamptz not null
);
create index remembered_devices_user on remembered_devices (user_id);

-- Single sign-on with OpenID Connect: one provider per organization, or one for the whole instance (org_id null).
-- The client secret is sealed with platform's SecretBox. Just-in-time provisioning makes an account for a person the
-- provider vouches for (verified email in an allowed domain) and adds them to the organization with the default role.
create table sso_providers (
    id               uuid primary key,
    org_id           uuid unique references organizations (id) on delete cascade,
    name             text not null check (length(name) between 1 and 60),
    issuer           text not null check (issuer ~ '^https?://'),
    client_id        text not null check (length(client_id) between 1 and 200),
    sealed_secret    bytea not null,
    allowed_domains  text[] not null default '{}',
    provisioning     boolean not null default true,
    default_role     text not null default 'member' check (default_role in ('admin', 'member')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create unique index sso_providers_instance on sso_providers ((org_id is null)) where org_id is null;

-- Who a provider's subject is here: linked on first sign-in (by verified email, or a provisioned account).
create table sso_identities (
    provider_id  uuid not null references sso_providers (id) on delete cascade,
    subject      text not null,
    user_id      uuid not null references users (id) on delete cascade,
    created_at   timestamptz not null default now(),
    primary key (provider_id, subject)
);
create index sso_identities_user on sso_identities (user_id);

-- "SSO required": members of such an organization cannot sign in with a password (site admins still can).
alter table organizations add column require_sso boolean not null default false;
