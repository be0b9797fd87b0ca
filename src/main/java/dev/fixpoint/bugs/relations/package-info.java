/**
 * The Relations section of a bug page ({@code /bugs/{KEY}/relations}, loaded by URL): the
 * bug's links named from its side (blocks, blocked by, relates to, parent, sub-bugs,
 * duplicates), a parent's progress over its sub-bugs, and for those who may link
 * ({@code EditRules.mayLink}) the add and remove controls with a picker that finds bugs
 * by key or title ({@code /bugs/{KEY}/relations/candidates}). Every rule stays in
 * {@code BugLinks}. Templates under {@code src/main/jte/bugs/relations}; publishes and
 * listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.relations;
