/**
 * Projects, their members and roles, components, and the per-project bug counter. Owns the role table of the API
 * contract ({@link dev.fixpoint.projects.ProjectAction}): every module asks {@link dev.fixpoint.projects.ProjectAccess}
 * before doing anything in a project.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.projects;
