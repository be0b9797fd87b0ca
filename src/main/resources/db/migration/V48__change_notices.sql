-- Nodes answer bearer tokens and people's names from memory (accounts.AccountMemory). Any change that could alter an
-- answer notifies channel account_changes when its transaction commits, whichever code or session made it, and every
-- node then forgets what it remembered. Statement triggers: one notice per statement (PostgreSQL folds equal notices
-- of a transaction into one). A token's last_used_at is not part of an answer, so its updates do not notify.
create function account_changes_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('account_changes', '');
    return null;
end
$$;

create trigger users_account_changes
    after update or delete or truncate on users
    for each statement execute function account_changes_notify();

create trigger api_tokens_account_changes
    after update of token_hash, user_id, expires_at, read_only or delete or truncate on api_tokens
    for each statement execute function account_changes_notify();

-- The same for each project's components (projects.ComponentMemory), inserts included.
create function component_changes_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('component_changes', '');
    return null;
end
$$;

create trigger components_changes
    after insert or update or delete or truncate on components
    for each statement execute function component_changes_notify();
