package dev.fixpoint.projects;

import java.time.Instant;

import dev.fixpoint.accounts.UserSummary;

/** A project member as listed: {@code {user, role, joined_at}}. */
public record Member(UserSummary user, ProjectRole role, Instant joinedAt) {
}
