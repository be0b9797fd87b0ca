package dev.fixpoint.bugs.page;

/**
 * Which controls the caller sees on a bug. Mirrors the role table only to hide what the
 * server would refuse; the server checks every edit anyway.
 *
 * @param editReport title and the report's text fields (QA: only on bugs they reported)
 * @param editFields severity, priority, due date, component, tags
 * @param verify set "verified by me" on a bug in a done status that nobody verified yet
 * @param manage the caller is a project admin (workflow, members)
 */
public record BugPermissions(boolean editReport, boolean editFields, boolean assign, boolean verify, boolean manage) {
}
