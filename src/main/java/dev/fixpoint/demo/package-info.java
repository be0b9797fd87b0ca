/**
 * Demo mode: with {@code FIXPOINT_DEMO=true} the application fills an empty installation,
 * once, with the "Acme" organization, its people in every project role, three projects
 * with components and a few hundred realistic bug reports that have lived the last four
 * months (triaged, discussed with @mentions, worked on, resolved, verified, reopened;
 * logs and screenshots attached; SLA thresholds reached when they would have been). The
 * story is played in time order with every use case backdated to its moment
 * ({@code platform.Times.backdated}), so timestamps, history, SLA clocks, rollups and
 * notifications look lived-in; each person then starts with only a few unread
 * notifications. Everything goes through the public use cases of accounts, projects,
 * bugs, comments, attachments, sla and notifications, so the data obeys every rule;
 * nothing else depends on this module. {@code DemoStartup} loads it when the application
 * is ready (Spring's {@code ApplicationReadyEvent}): the people and projects in one
 * transaction, then each project's bugs in one of its own; a failure is logged and
 * Fixpoint runs on.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.demo;
