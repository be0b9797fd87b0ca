/**
 * The bug page: the report, its sidebar, editing in place, and the activity timeline (history and the comments of the comments module). A nested module because it reads comments, which build on bugs.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.page;
