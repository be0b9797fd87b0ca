/**
 * Bulk changes: select bugs on the list and change status, assignee, priority or tags, each through the workflow rules.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.bulk;
