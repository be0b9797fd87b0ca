/**
 * Bug reports: filing the structured report, reading and listing with filters and keyset
 * pagination, editing with optimistic concurrency, status changes through the project's
 * workflow, the per-field history, bulk changes and CSV export. {@code web} holds the bug
 * API ({@code /api/projects/{id}/bugs}, {@code /api/bugs/{id}}, its history) and the web
 * kit the nested feature modules share (routes, flash, messages, notices, SLA and
 * environment texts, {@code FormValues}); the pages themselves are nested modules:
 * {@code bugs.page}, {@code bugs.list}, {@code bugs.board}, {@code bugs.triage},
 * {@code bugs.bulk}, {@code bugs.filing}, {@code bugs.relations}, {@code bugs.releases}.
 * <p>
 * Owns the tables {@code bugs}, {@code bug_history}, {@code bug_links}, {@code releases}
 * and {@code bug_templates}. Relations ({@link dev.fixpoint.bugs.BugLinks}): blocks,
 * relates to, parent / sub-bug, one row read from either side
 * ({@link dev.fixpoint.bugs.LinkType}), no loop of blocks or parents ({@code LinkPaths},
 * 409 with the path), history on both bugs. Releases
 * ({@link dev.fixpoint.bugs.Releases}): {@code fixed_in} and {@code affects} are triage
 * fields naming one; creating and editing one publishes
 * {@link dev.fixpoint.bugs.ReleaseCreated}, {@link dev.fixpoint.bugs.ReleaseChanged} and
 * {@link dev.fixpoint.bugs.ReleaseReleased} (outbox consumer {@code webhooks}). Bug
 * templates ({@link dev.fixpoint.bugs.BugTemplates}): filing with one requires its fields
 * (422). Public API: {@link dev.fixpoint.bugs.BugManagement} (file, edit, delete,
 * {@code recordActivity} and {@code moveAllInStatus} for other modules,
 * {@code raisePriority} for SLA breaches), {@link dev.fixpoint.bugs.BugQueries} (find,
 * locate as a {@link dev.fixpoint.bugs.BugRef}, list, search, history, counts),
 * {@link dev.fixpoint.bugs.BugBulk}, {@link dev.fixpoint.bugs.BugExport} (streamed CSV),
 * {@link dev.fixpoint.bugs.BugRules} (shape rules shared by API and UI),
 * {@link dev.fixpoint.bugs.BugMarkdown} and {@link dev.fixpoint.bugs.BugTexts},
 * {@link dev.fixpoint.bugs.BugListRequest} (a list's query string, read by
 * {@code web.BugListRequestResolver}) and {@link dev.fixpoint.bugs.BugCriteria} (what a
 * list is filtered by, as written: the list request and the search query language both
 * produce one), {@link dev.fixpoint.bugs.SlaOnFiling} (implemented by sla),
 * {@link dev.fixpoint.bugs.FiledBugRows} (other modules' rows of a new bug, written by
 * the bug's own insert statement: sla, notifications, analytics, triage), the records and
 * enums of a bug, and the events.
 * <p>
 * Events, all published inside the transaction of the change: data of the change is kept
 * by synchronous listeners in it ({@link dev.fixpoint.bugs.BugChanged}: sla's clocks;
 * {@link dev.fixpoint.bugs.BugStatusChanged}: analytics' rollups; notifications'
 * automatic watches; a new bug's rows come through {@code FiledBugRows} instead, in the
 * bug's statement), fan-out goes through the outbox ({@code platform.outbox}: a row in
 * this transaction, delivered after commit; the {@code notifications} consumer takes
 * {@code BugCreated}, {@code BugStatusChanged}, {@link dev.fixpoint.bugs.BugAssigned} and
 * {@link dev.fixpoint.bugs.UserMentioned}). {@code moveAllInStatus} (a workflow replaced)
 * moves like an edit (timestamps and resolution follow the categories, the clock's time)
 * and publishes {@code BugChanged} without an actor and {@code BugStatusChanged} per bug,
 * as one bulk change ({@code BugBulk.asOneBulk}: the outbox captures its id, one summary
 * email). Listens to no other module's events; {@code BugMetrics} counts its own
 * {@code BugCreated} and {@code BugStatusChanged} after commit (metrics
 * {@code fixpoint.bugs.filed}, {@code fixpoint.bugs.status.changes}).
 * <p>
 * Rules: every rule is checked in {@code BugManagement}, for API and UI alike. An edit
 * locks the row ({@code select ... for update}), checks {@code version} (409 with the
 * current bug), asks the workflow about a status change (422 with the allowed
 * transitions) and writes one {@code bug_history} row per changed field in the same
 * transaction. A person's change made elsewhere ({@code report}/{@code edit} with a
 * {@link dev.fixpoint.bugs.Via}: from Slack) carries it in {@code bug_history.via} (a
 * filing made so gets an entry {@code reported}), shown as "... via Slack". A new bug's
 * SLA clock starts before its row is written ({@code SlaOnFiling}), so the insert carries
 * {@code sla_due_at} and {@code sla_state}. Lists are keyset-paginated on
 * {@code (sort key, id)} with an index per sort. Criteria are resolved in one place
 * ({@code FilterResolver}: valid keys, {@code me} and {@code none}, people and components
 * by name, a day is the whole UTC day) into the internal {@code BugFilter}, which
 * {@code BugListQuery} turns into fixed SQL fragments with named parameters only. Adding
 * a filter: a parameter of {@code BugListRequest}, a term of {@code BugCriteria}, its
 * resolution, a field of {@code BugFilter} and its SQL fragment, and a test. A date range
 * on another column than the sort's, or a text, decides its plan from the data
 * ({@code BugRepository.list}: capped count, bounded walk, else the matches from the
 * filter's own index; bench/sql/README.md findings 13-16). Counts stop at 1,000
 * ({@link dev.fixpoint.bugs.BugCount}). Full text is one stored, generated, weighted
 * {@code fulltext} vector (the bug's fields plus the public comments'
 * {@code comment_vector}, V10) under one GIN index; possible duplicates are the
 * {@code triage} module's (meaning and words). A ranked search ranks the 100 newest
 * matches in scope, found the cheapest way for how common the words are (findings 6-11).
 * Markdown of reports and comments goes through {@code BugMarkdown} (bug keys and
 * {@code @mentions} become links) and {@link dev.fixpoint.platform.Markdown} (sanitized
 * {@code SafeHtml}).
 */
@org.springframework.modulith.ApplicationModule
package dev.fixpoint.bugs;
