/**
 * Filing a bug in the UI: the new-bug form and the similar bugs shown while typing the title.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.filing;
