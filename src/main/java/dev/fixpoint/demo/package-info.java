/**
 * Demo mode: with {@code FIXPOINT_DEMO=true} the application fills an empty installation,
 * once, with the "Acme" organization, its people in every project role, three projects
 * with components and a few hundred realistic bug reports that have already lived a
 * little (triaged, worked on, resolved, verified, reopened). Everything goes through the
 * public use cases of accounts, projects and bugs, so the data obeys every rule and
 * carries real history; nothing else depends on this module. {@code DemoStartup} loads it
 * when the application is ready (Spring's {@code ApplicationReadyEvent}): the people and
 * projects in one transaction, then each project's bugs in one of its own; a failure is
 * logged and Fixpoint runs on.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.demo;
