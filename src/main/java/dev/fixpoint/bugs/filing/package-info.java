/**
 * Filing a bug in the UI ({@code /p/{KEY}/bugs/new}): the structured form, re-rendered
 * with everything typed when a rule refuses it, and the possible duplicates shown under
 * the title while typing (loaded by URL from the {@code triage} module, posting the title
 * and description so far to {@code /p/{KEY}/bugs/similar-fragment}). Files dropped on the
 * form wait in the browser and upload once the bug exists. Templates under
 * {@code src/main/jte/bugs/filing}. Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.filing;
