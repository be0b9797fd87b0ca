/**
 * Release pages: a project's releases with their progress ({@code /p/{KEY}/releases},
 * linked from the project navigation) and one release with its bugs, open and resolved
 * counts and a progress bar ({@code /p/{KEY}/releases/{id}}); project admins create, mark
 * released and archive releases there. Every rule stays in {@code Releases}; the bugs
 * come from the bug list ({@code fixed_in}). Templates under
 * {@code src/main/jte/bugs/releases}; publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.releases;
