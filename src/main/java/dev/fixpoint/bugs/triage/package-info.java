/**
 * The triage queue ({@code /p/{KEY}/triage}): unassigned bugs waiting in to-do statuses,
 * worst first, a page at a time. Assigning (to someone, or {@code a} for yourself;
 * {@code j}/{@code k} move, {@code Enter} opens) goes through {@code BugManagement.edit}
 * and removes the row. Templates under {@code src/main/jte/bugs/triage}. Publishes and
 * listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.triage;
