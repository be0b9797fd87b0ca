-- Portal, third part (module portal): status page subscribers hear of entry changes in digests, and an
-- organization's branding of its portal, tracking and status pages and their emails.

-- An entry change a confirmed subscriber should hear about. The composer (every node, rows claimed
-- FOR UPDATE SKIP LOCKED, like portal_updates) turns an address's pending rows on one organization's page into
-- one email once the digest window after the first of them passed; the entry is read again when composing.
create table status_updates (
    id             uuid primary key,
    subscriber_id  uuid not null references status_subscribers (id) on delete cascade,
    entry_id       uuid not null references status_entries (bug_id) on delete cascade,
    created_at     timestamptz not null,
    sent_at        timestamptz
);
create index status_updates_pending on status_updates (subscriber_id, created_at) where sent_at is null;
create index status_updates_entry on status_updates (entry_id);
create index status_updates_sent on status_updates (sent_at) where sent_at is not null;

-- The organization's admins list their page's subscribers newest first (keyset on created_at, id).
create index status_subscribers_org_created on status_subscribers (org_id, created_at desc, id desc);

-- An organization's branding: an accent colour (#rrggbb) and a logo (PNG, JPEG or WebP as sniffed from its bytes,
-- never SVG; at most 512 KB), shown on its public pages and in their emails. logo_hash versions the logo's URL.
create table portal_branding (
    org_id      uuid primary key references organizations (id) on delete cascade,
    accent      text check (accent ~ '^#[0-9a-f]{6}$'),
    logo        bytea check (octet_length(logo) <= 524288),
    logo_type   text check (logo_type in ('image/png', 'image/jpeg', 'image/webp')),
    logo_hash   text,
    updated_at  timestamptz not null,
    check ((logo is null) = (logo_type is null) and (logo is null) = (logo_hash is null))
);
