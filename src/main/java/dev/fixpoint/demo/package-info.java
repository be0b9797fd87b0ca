/**
 * Demo mode: with {@code FIXPOINT_DEMO=true} the application fills an empty installation, once, with the "Acme"
 * organization, its people in every project role, three projects with components and a few hundred realistic bug
 * reports that have already lived a little (triaged, worked on, resolved, verified, reopened). Everything goes
 * through the public use cases of accounts, projects and bugs, so the data obeys every rule and carries real history;
 * nothing else depends on this module.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.demo;
