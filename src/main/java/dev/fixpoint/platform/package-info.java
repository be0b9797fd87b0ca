/**
 * Shared kernel: database start-up, security plumbing, problem details, paging cursors and the page layout.
 * Knows nothing about bugs or projects; every product module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.fixpoint.platform;
