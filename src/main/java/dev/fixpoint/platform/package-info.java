/**
 * Shared kernel: what every module needs, knowing nothing about bugs or projects. An open
 * module: every product module may use any of its types.
 * <ul>
 * <li>Database: embedded PostgreSQL ({@code DatabaseConfiguration}; fsync and synchronous
 * commit on for a data directory, off only for throw-away test databases; a buffer cache
 * of an eighth of the machine's memory, 128 MB to 1 GB; a checkpoint every 15 minutes or
 * ~2 GB of WAL) unless {@code FIXPOINT_DB_URL} is set; a data directory's server is
 * started early, alongside bean creation ({@code EarlyDatabaseStart}). Statements reuse
 * their plans ({@code plan_cache_mode} auto) except after
 * {@link dev.fixpoint.platform.QueryPlans#customForTransaction}, which lists, counts,
 * searches and SLA reports call to get plans made for their actual values.</li>
 * <li>Security: one filter chain for {@code /actuator/prometheus} (the metrics token
 * {@code FIXPOINT_METRICS_TOKEN} or a separate management port,
 * {@code web.MetricsAccess}; never a user's credentials), one for {@code /api/**} (bearer
 * tokens checked by {@code BearerTokenFilter} through
 * {@link dev.fixpoint.platform.ApiTokenVerifier}, which accounts implements; stateless,
 * no CSRF) and one for pages (session cookie, sessions stored in the database,
 * CSRF).</li>
 * <li>Operations: {@code web.RequestCorrelation} gives each request a correlation id, in
 * the MDC for every line it logs and quoted by 500 problems and error pages;
 * {@code LogFormat} switches the logs to JSON ({@code FIXPOINT_LOG_FORMAT=json}). The
 * metrics themselves belong to the modules that know the facts (docs/ARCHITECTURE.md);
 * platform's own are the outbox's gauges.</li>
 * <li>Errors: {@code web.ApiExceptionHandler} turns every API error into RFC 9457
 * problem+json ({@link dev.fixpoint.platform.Problems} types;
 * {@link dev.fixpoint.platform.DomainException} with its
 * {@link dev.fixpoint.platform.FieldError}s,
 * {@link dev.fixpoint.platform.RateLimitedException}); {@code web.PageExceptionHandler}
 * and {@code web.FixpointErrorController} give friendly HTML error pages. Neither shows
 * exception messages or stack traces.</li>
 * <li>Bad input at the edge ({@code web.EdgeConfiguration}): query and form parameters
 * ({@code web.RequestTextFilter}) and JSON bodies ({@code web.StrictJsonConverter}: size,
 * NUL and lone surrogates, strict types, unknown and read-only fields) are refused before
 * a module sees them; Tomcat's own refusals are problem+json
 * ({@code web.ContainerErrorValve}).</li>
 * <li>After commit: {@code outbox} (its package-info) is the one way work leaves a
 * change's transaction: consumers declared as {@code OutboxConsumer} beans, rows written
 * with the change, delivered after commit exactly once for the database, retried, claimed
 * once across nodes, in order per aggregate on request.</li>
 * <li>Notices across nodes: {@code NoticeListener} {@code LISTEN}s on one connection per
 * node (outside the pool) to every channel a module declares as a
 * {@link dev.fixpoint.platform.NoticeChannel} bean and hands each notice to it; the
 * modules fan out to their in-memory subscribers (browser streams).</li>
 * <li>Building blocks: {@link dev.fixpoint.platform.CurrentUser},
 * {@link dev.fixpoint.platform.Cursor} and {@link dev.fixpoint.platform.Page} (keyset
 * pages), {@link dev.fixpoint.platform.Ids} (UUIDv7),
 * {@link dev.fixpoint.platform.Names}, {@link dev.fixpoint.platform.Markdown} (rendering
 * and sanitizing into a {@link dev.fixpoint.platform.SafeHtml}),
 * {@link dev.fixpoint.platform.FixpointProperties},
 * {@link dev.fixpoint.platform.SecretBox} (the one secret store: secrets kept for other
 * systems, sealed with AES-GCM; owns {@code platform_secret_key}),
 * {@link dev.fixpoint.platform.Hmacs} (HMAC-SHA256 signatures, constant-time compare),
 * {@link dev.fixpoint.platform.Backfill} (work done again over existing rows in the
 * background, walked once per start by {@code Backfills}),
 * {@link dev.fixpoint.platform.QueueGauges} (depth and oldest age of a queue kept in a
 * table), {@link dev.fixpoint.platform.RememberedFlags} (a yes/no answer per key asked in
 * every change's transaction, kept a few seconds, forgotten again when the transaction
 * that changed it ends); in {@code web}: {@code ApiController}, {@code Authenticated},
 * {@code Layout} (put into the model of every view by {@code LayoutModel}),
 * {@code HtmxRequest}, {@code Forms} (the rule for refused page forms) and its
 * {@code FormSubmission}, {@code FormErrors}, {@code LocalRedirect},
 * {@code ClientAddress}, {@code WebSessions}.</li>
 * </ul>
 * Publishes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.fixpoint.platform;
