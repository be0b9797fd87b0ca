-- Email-first sign-in: the email domains that send a person typing their email on the sign-in page to an
-- organization's single sign-on provider (set by the organization's admins). A domain routes to one provider in
-- the whole installation, so the primary key is the domain.
create table sso_email_domains (
    domain      text primary key
                check (length(domain) <= 253 and domain ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,63}$'),
    provider_id uuid not null references sso_providers (id) on delete cascade
);
create index sso_email_domains_provider on sso_email_domains (provider_id);
