/**
 * The retention settings of a project's closed bugs, for its admins
 * ({@code /p/{KEY}/settings/retention}, linked from the members page; API {@code GET/PUT
 * /api/projects/{id}/retention}): days after closing and delete or anonymise, with how
 * many closed bugs the policy reaches now (Preview: a dry run, nothing saved). Every rule
 * stays in {@code ClosedBugRetention}; templates under
 * {@code src/main/jte/bugs/retention}; publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs.retention;
