import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills a Fixpoint database (already migrated by the app's Flyway) with a large, realistic data set through
 * {@code COPY ... FROM STDIN}: organizations, users, memberships of every role, projects, components, bugs,
 * bug_history and comments. Rows are generated on the fly and streamed in 1 MB chunks; besides a few small
 * arrays per bug (created time, project, number, comment count) nothing is kept in memory.
 *
 * <p>
 * Every generated user logs in with the password {@value #PASSWORD}; {@code admin@bench.fixpoint.test} is a site
 * admin and an admin of the big project. Each bug's attributes come from a random stream seeded by (seed, bug
 * index), so bugs, their history and their comments are generated independently (and in parallel) yet agree.
 *
 * <pre>
 * java -cp postgresql.jar bench/data/Generate.java --url jdbc:postgresql://localhost:PORT/postgres \
 *     --user postgres --password postgres [--bugs 1000000] [--projects 50] [--big-project 100000] \
 *     [--comments 3000000] [--users 2000] [--seed 42] [--jobs 2] [--append] [--check-foreign-keys] [--no-vacuum]
 * </pre>
 */
public class Generate {

	static final String PASSWORD = "fixpoint-bench";

	/** BCrypt (cost 10) of {@link #PASSWORD}; any cost verifies with the app's BCryptPasswordEncoder. */
	static final String PASSWORD_HASH = "$2a$10$boONloVupz8TNtBt215QaO1ZNLZt9VR/U0xKveOfEt3f0HpYGbwR2";

	static final long DAY = 86_400_000L;

	static final long HOUR = 3_600_000L;

	record Options(String url, String user, String password, int bugs, int projects, int bigProject, long comments,
			int users, long seed, int jobs, boolean append, boolean checkForeignKeys, boolean vacuum) {

		static Options parse(String[] args) {
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (!arg.startsWith("--")) {
					throw new IllegalArgumentException("Unexpected argument " + arg);
				}
				boolean flag = Arrays.asList("--append", "--check-foreign-keys", "--no-vacuum").contains(arg);
				values.put(arg.substring(2), flag ? "true" : args[++i]);
			}
			Options o = new Options(require(values, "url"), values.getOrDefault("user", "postgres"),
					values.getOrDefault("password", "postgres"), num(values, "bugs", 1_000_000),
					num(values, "projects", 50), num(values, "big-project", 100_000),
					Long.parseLong(values.getOrDefault("comments", "3000000")), num(values, "users", 2000),
					Long.parseLong(values.getOrDefault("seed", "42")),
					num(values, "jobs", Math.min(4, Runtime.getRuntime().availableProcessors())),
					values.containsKey("append"), values.containsKey("check-foreign-keys"),
					!values.containsKey("no-vacuum"));
			if (o.projects < 1 || o.projects > 4000 || o.bugs < 0 || o.bigProject > o.bugs || o.users < 20
					|| o.jobs < 1) {
				throw new IllegalArgumentException("Need 1 <= projects <= 4000, users >= 20, jobs >= 1, big-project <= bugs");
			}
			return o;
		}

		private static String require(Map<String, String> values, String name) {
			String value = values.get(name);
			if (value == null) {
				throw new IllegalArgumentException("--" + name + " is required");
			}
			return value;
		}

		private static int num(Map<String, String> values, String name, int fallback) {
			return Integer.parseInt(values.getOrDefault(name, String.valueOf(fallback)).replace("_", ""));
		}

	}

	public static void main(String[] args) throws Exception {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.err.println("usage: java -cp postgresql.jar bench/data/Generate.java --url jdbc:postgresql://host:port/db"
					+ " --user U --password P [--bugs N] [--projects N] [--big-project N] [--comments N] [--users N]"
					+ " [--seed N] [--jobs N] [--append] [--check-foreign-keys] [--no-vacuum]");
			System.exit(64);
			return;
		}
		System.exit(new Generate(options).run());
	}

	private final Options o;

	private final Plan plan;

	private final Progress progress = new Progress();

	Generate(Options options) {
		this.o = options;
		this.plan = new Plan(options);
	}

	int run() throws Exception {
		long started = System.nanoTime();
		try (Connection c = connect()) {
			if (!schemaReady(c)) {
				System.err.println("The schema is missing (no bugs/comments table): start the app once on this database"
						+ " so Flyway migrates it.");
				return 3;
			}
			if (hasBugs(c) && !this.o.append) {
				System.err.println("The database already holds bugs; refusing to add more. Pass --append to add a second"
						+ " data set next to them.");
				return 2;
			}
			if (this.o.append) {
				this.plan.tag = "-" + Long.toString(System.currentTimeMillis() % 1_679_616, 36);
			}
		}
		System.out.printf(Locale.ROOT, "Generating %,d bugs in %d projects (big one: %,d), %,d comments, %,d users, seed %d, %d jobs%n",
				this.o.bugs, this.o.projects, this.o.bigProject, this.o.comments, this.o.users, this.o.seed, this.o.jobs);
		this.plan.build();
		this.progress.start();
		try {
			try (Connection c = connect()) { // in order: each table references the ones before it
				for (Task task : List.<Task>of(this::organizations, this::users, this::organizationMembers,
						this::projects, this::projectMembers, this::components)) {
					task.run(c);
				}
			}
			phase(slices(this::bugs));
			List<Task> phase3 = new ArrayList<>(slices(this::history));
			phase3.addAll(slices(this::comments));
			commentSearchTrigger(false); // the per-row trigger would update a bug per comment; done in bulk below
			phase(phase3);
		}
		finally {
			commentSearchTrigger(true);
			this.progress.stop();
		}
		try (Connection c = connect(); Statement s = c.createStatement()) {
			long vectors = System.nanoTime();
			// what the comments_search trigger maintains row by row (V5__search.sql), in one statement
			s.execute("""
					update bugs b set comment_vector = v.vec
					from (select bug_id, setweight(to_tsvector('english', string_agg(content, ' ')), 'D') as vec
					      from comments where not is_internal and deleted_at is null group by bug_id) v
					where b.id = v.bug_id
					""");
			System.out.printf(Locale.ROOT, "%-22s %8.1f s%n", "comment search vectors", seconds(vectors));
			// the trigger that creates a project's bug number sequence did not fire (replica role, V13): numbering
			// continues after the highest number copied in
			s.execute("""
					do $$
					declare p record;
					begin
					    for p in select id from projects loop
					        execute format('create sequence if not exists %I as integer', bug_number_sequence(p.id));
					        perform setval(bug_number_sequence(p.id),
					                       coalesce((select max(number) from bugs where project_id = p.id), 0) + 1, false);
					    end loop;
					end $$
					""");
			checkConsistency(s);
			// the rollups' triggers did not fire either: rebuilt in one go (V36; skipped on an older schema)
			long t = System.nanoTime();
			boolean rollups;
			try (ResultSet rs = s.executeQuery("select to_regproc('analytics_rebuild') is not null")) {
				rollups = rs.next() && rs.getBoolean(1);
			}
			if (rollups) {
				s.execute("select analytics_rebuild()");
				System.out.printf(Locale.ROOT, "%-22s %8.1f s%n", "analytics rollups", seconds(t));
			}
			t = System.nanoTime();
			s.execute("set maintenance_work_mem = '512MB'");
			String tables = "organizations, users, organization_members, projects, project_members, components, bugs,"
					+ " bug_history, comments";
			// VACUUM also flushes the GIN pending lists and sets the visibility map, so the plans read afterwards
			// are those of a settled database rather than of one just bulk-loaded.
			s.execute(this.o.vacuum ? "vacuum (analyze) " + tables : "analyze " + tables);
			System.out.printf(Locale.ROOT, "%-22s %8.1f s%n", this.o.vacuum ? "vacuum analyze" : "analyze", seconds(t));
		}
		this.progress.summary();
		System.out.printf(Locale.ROOT, "Total %.1f s%n", seconds(started));
		System.out.println("Log in as " + this.plan.userEmail(0) + " / " + PASSWORD + " (site admin, admin of "
				+ this.plan.projectKeys[0] + " with " + String.format(Locale.ROOT, "%,d", this.plan.projectBugCount[0])
				+ " bugs); every generated user has the same password.");
		return 0;
	}

	// ---------------------------------------------------------------- connections and phases

	private void commentSearchTrigger(boolean enabled) throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("alter table comments " + (enabled ? "enable" : "disable") + " trigger comments_search");
		}
	}

	Connection connect() throws SQLException {
		Connection c = DriverManager.getConnection(this.o.url, this.o.user, this.o.password);
		try (Statement s = c.createStatement()) {
			s.execute("set synchronous_commit = off");
			s.execute("set gin_pending_list_limit = '32MB'");
			if (!this.o.checkForeignKeys) {
				// The data is consistent by construction; skipping the per-row FK trigger lookups (superuser only)
				// roughly halves the load time of comments and history. --check-foreign-keys keeps them.
				try {
					s.execute("set session_replication_role = replica");
				}
				catch (SQLException ex) {
					System.err.println("Cannot skip FK checks (" + ex.getMessage().trim() + "); keeping them");
				}
			}
		}
		return c;
	}

	private static boolean schemaReady(Connection c) throws SQLException {
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select to_regclass('bugs') is not null and to_regclass('comments') is not null")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private static boolean hasBugs(Connection c) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select exists (select 1 from bugs)")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private void checkConsistency(Statement s) throws SQLException {
		long t = System.nanoTime();
		try (ResultSet rs = s.executeQuery("""
				select count(*) from comments c where not exists (select 1 from bugs b where b.id = c.bug_id)
				""")) {
			rs.next();
			System.out.printf(Locale.ROOT, "%-22s %8.1f s  (orphan comments: %d)%n", "consistency check", seconds(t),
					rs.getLong(1));
		}
	}

	interface Task {

		void run(Connection c) throws Exception;

	}

	interface SliceTask {

		void run(Connection c, int from, int to) throws Exception;

	}

	/** One task per job, each a contiguous range of bugs (in creation order). */
	private List<Task> slices(SliceTask task) {
		List<Task> tasks = new ArrayList<>();
		int n = this.o.bugs;
		for (int j = 0; j < this.o.jobs; j++) {
			int from = (int) ((long) n * j / this.o.jobs);
			int to = (int) ((long) n * (j + 1) / this.o.jobs);
			tasks.add(c -> task.run(c, from, to));
		}
		return tasks;
	}

	private void phase(List<Task> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(this.o.jobs);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Task task : tasks) {
				futures.add(pool.submit(() -> {
					try (Connection c = connect()) {
						task.run(c);
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	// ---------------------------------------------------------------- small tables

	private void organizations(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "organizations", "id, name, slug, created_at", this.progress)) {
			for (int org = 0; org < p.orgCount; org++) {
				copy.uuid(p.orgIds[org]).text(p.orgNames[org]).text(p.orgSlugs[org]).ts(p.start * 1000).end();
			}
		}
	}

	private void users(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "users",
				"id, email, username, name, password_hash, is_site_admin, created_at, updated_at", this.progress)) {
			for (int u = 0; u < this.o.users; u++) {
				long created = p.userCreated(u) * 1000;
				copy.uuid(p.userIds[u]).text(p.userEmail(u)).text(p.userName(u)).text(p.userFullName(u))
					.text(PASSWORD_HASH).bool(u == 0).ts(created).ts(created).end();
			}
		}
	}

	private void organizationMembers(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "organization_members", "org_id, user_id, role, joined_at", this.progress)) {
			for (int org = 0; org < p.orgCount; org++) {
				for (int u : p.orgUsers[org]) {
					boolean admin = u == 0 || p.orgAdmins[org].contains(u);
					copy.uuid(p.orgIds[org]).uuid(p.userIds[u]).text(admin ? "admin" : "member")
						.ts(p.userCreated(u) * 1000).end();
				}
			}
		}
	}

	private void projects(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "projects",
				"id, org_id, key, name, slug, description, is_public, created_at, updated_at",
				this.progress)) {
			for (int i = 0; i < this.o.projects; i++) {
				copy.uuid(p.projectIds[i]).uuid(p.orgIds[p.projectOrg[i]]).text(p.projectKeys[i])
					.text(p.projectNames[i]).text(p.projectNames[i].toLowerCase(Locale.ROOT).replace(' ', '-'))
					.text("The " + p.projectNames[i] + " product: bugs reported by customers, QA and monitoring.")
					.bool(i % 7 == 3).ts(p.projectStart[i] * 1000)
					.ts(p.projectStart[i] * 1000).end();
			}
		}
	}

	private void projectMembers(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "project_members", "project_id, user_id, role, joined_at", this.progress)) {
			for (int i = 0; i < this.o.projects; i++) {
				String[] roles = { "admin", "developer", "qa", "viewer" };
				int[][] byRole = { p.admins[i], p.developers[i], p.qa[i], p.viewers[i] };
				for (int r = 0; r < roles.length; r++) {
					for (int u : byRole[r]) {
						copy.uuid(p.projectIds[i]).uuid(p.userIds[u]).text(roles[r])
							.ts(Math.max(p.projectStart[i], p.userCreated(u)) * 1000).end();
					}
				}
			}
		}
	}

	private void components(Connection c) throws Exception {
		Plan p = this.plan;
		try (Copy copy = new Copy(c, "components", "id, project_id, name, owner_id, created_at", this.progress)) {
			for (int i = 0; i < this.o.projects; i++) {
				for (int k = 0; k < p.componentIds[i].length; k++) {
					int[] devs = p.developers[i].length > 0 ? p.developers[i] : p.admins[i];
					copy.uuid(p.componentIds[i][k]).uuid(p.projectIds[i]).text(Words.COMPONENTS[k])
						.uuid(k % 3 == 2 ? null : p.userIds[devs[k % devs.length]]).ts(p.projectStart[i] * 1000).end();
				}
			}
		}
	}

	// ---------------------------------------------------------------- bugs, history, comments

	private void bugs(Connection c, int from, int to) throws Exception {
		try (Copy copy = new Copy(c, "bugs", """
				id, project_id, number, title, description, steps_to_reproduce, expected_behavior, actual_behavior,
				environment, severity, priority, status, resolution, reporter_id, assignee_id, component_id, tags,
				due_date, sla_due_at, verified_by, resolved_at, closed_at, github_issue_url, version, created_at,
				updated_at""", this.progress)) {
			for (int i = from; i < to; i++) {
				BugDraft b = this.plan.draft(i);
				Texts t = Texts.of(this.plan.textRandom(i));
				copy.uuid(b.id).uuid(this.plan.projectIds[b.project]).num(b.number).text(t.title).text(t.description)
					.text(t.steps).text(t.expected).text(t.actual).text(t.environment).text(b.severity).text(b.priority)
					.text(b.status).text(b.resolution).uuid(b.reporter).uuid(b.assignee).uuid(b.component)
					.raw(b.tags).date(b.dueDate).ts(b.slaDueMicros).uuid(b.verifiedBy).ts(b.resolvedMicros)
					.ts(b.closedMicros).text(b.githubIssue).num(b.version).ts(b.createdMicros).ts(b.updatedMicros).end();
			}
		}
	}

	private void history(Connection c, int from, int to) throws Exception {
		try (Copy copy = new Copy(c, "bug_history", "bug_id, user_id, field, old_value, new_value, created_at",
				this.progress)) {
			for (int i = from; i < to; i++) {
				BugDraft b = this.plan.draft(i);
				for (Change h : b.history) {
					copy.uuid(b.id).uuid(h.user).text(h.field).text(h.oldValue).text(h.newValue).ts(h.atMicros).end();
				}
			}
		}
	}

	private void comments(Connection c, int from, int to) throws Exception {
		try (Copy copy = new Copy(c, "comments",
				"id, bug_id, author_id, parent_id, content, content_html, is_internal, created_at, updated_at, edited_at, deleted_at",
				this.progress)) {
			UUID[] topLevel = new UUID[Plan.MAX_COMMENTS];
			for (int i = from; i < to; i++) {
				int count = this.plan.commentCount[i];
				if (count == 0) {
					continue;
				}
				BugDraft b = this.plan.draft(i);
				SplittableRandom r = this.plan.commentRandom(i);
				long t = b.createdMicros / 1000;
				int tops = 0;
				for (int k = 0; k < count; k++) {
					t = Plan.later(r, t, this.plan.now, 6 * HOUR);
					UUID id = Plan.uuid7(t, r.nextLong());
					UUID parent = tops > 0 && r.nextInt(100) < 15 ? topLevel[r.nextInt(tops)] : null;
					if (parent == null) {
						topLevel[tops++] = id;
					}
					UUID author = k == 0 || r.nextInt(100) < 35 ? b.reporter
							: b.assignee != null && r.nextInt(100) < 45 ? b.assignee : this.plan.anyContributor(r, b.project);
					String content = Texts.comment(r);
					long micros = t * 1000 + r.nextInt(1000);
					Long edited = r.nextInt(100) < 5 ? micros + (1 + r.nextInt(3600)) * 1_000_000L : null;
					Long deleted = r.nextInt(1000) < 5 ? micros + (1 + r.nextInt(7200)) * 1_000_000L : null;
					copy.uuid(id).uuid(b.id).uuid(author).uuid(parent).text(content).text(Texts.html(content))
						.bool(r.nextInt(100) < 12).ts(micros).ts(edited != null ? edited : micros).ts(edited).ts(deleted)
						.end();
				}
			}
		}
	}

	static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	// ---------------------------------------------------------------- the plan: who, where, when

	record Change(long atMicros, UUID user, String field, String oldValue, String newValue) {
	}

	/** The scalar attributes of one bug, derived from its own random stream; texts are made separately. */
	static final class BugDraft {

		UUID id;

		int project;

		int number;

		String severity, priority, status, resolution, tags, githubIssue;

		UUID reporter, assignee, component, verifiedBy;

		LocalDate dueDate;

		Long slaDueMicros, resolvedMicros, closedMicros;

		long createdMicros, updatedMicros;

		int version;

		final List<Change> history = new ArrayList<>(6);

	}

	static final class Plan {

		static final int MAX_COMMENTS = 250;

		final Options o;

		final long now = System.currentTimeMillis() / 1000 * 1000;

		final long start = this.now - 730 * DAY;

		String tag = "";

		int orgCount;

		UUID[] orgIds, userIds, projectIds;

		UUID[][] componentIds;

		String[] orgNames, orgSlugs, projectKeys, projectNames;

		int[] projectOrg, projectBugCount;

		long[] projectStart;

		int[][] orgUsers, admins, developers, qa, viewers, workers, contributors;

		List<Integer>[] orgAdmins;

		/** Per bug, in creation order. */
		long[] bugCreated;

		short[] bugProject;

		int[] bugNumber;

		short[] commentCount;

		Plan(Options o) {
			this.o = o;
		}

		void build() {
			long t = System.nanoTime();
			SplittableRandom r = new SplittableRandom(this.o.seed);
			organizationsAndUsers(r);
			projectsAndMembers(r);
			bugTimeline(r);
			commentCounts();
			System.out.printf(Locale.ROOT, "%-22s %8.1f s%n", "plan", seconds(t));
		}

		private void organizationsAndUsers(SplittableRandom r) {
			this.orgCount = Math.max(1, (this.o.projects + 4) / 5);
			this.orgIds = new UUID[this.orgCount];
			this.orgNames = new String[this.orgCount];
			this.orgSlugs = new String[this.orgCount];
			for (int i = 0; i < this.orgCount; i++) {
				this.orgIds[i] = uuid7(this.start, r.nextLong());
				String base = Words.ORGS[i % Words.ORGS.length] + (i < Words.ORGS.length ? "" : " " + (i / Words.ORGS.length + 1));
				this.orgNames[i] = base;
				this.orgSlugs[i] = base.toLowerCase(Locale.ROOT).replace(' ', '-') + this.tag;
			}
			this.userIds = new UUID[this.o.users];
			for (int u = 0; u < this.o.users; u++) {
				this.userIds[u] = uuid7(userCreated(u), r.nextLong());
			}
			// The first organization (owner of the big project) has 40% of the users; the others share the rest.
			this.orgUsers = new int[this.orgCount][];
			List<List<Integer>> pools = new ArrayList<>();
			for (int i = 0; i < this.orgCount; i++) {
				pools.add(new ArrayList<>());
			}
			for (int u = 0; u < this.o.users; u++) {
				int org = this.orgCount == 1 || u < this.o.users * 2 / 5 ? 0 : 1 + u % (this.orgCount - 1);
				pools.get(org).add(u);
				if (this.orgCount > 1 && r.nextInt(100) < 8) {
					int other = r.nextInt(this.orgCount);
					if (other != org) {
						pools.get(other).add(u);
					}
				}
			}
			if (!pools.get(0).contains(0)) {
				pools.get(0).add(0, 0);
			}
			for (int i = 0; i < this.orgCount; i++) {
				this.orgUsers[i] = pools.get(i).stream().mapToInt(Integer::intValue).toArray();
			}
		}

		@SuppressWarnings("unchecked")
		private void projectsAndMembers(SplittableRandom r) {
			int n = this.o.projects;
			this.projectIds = new UUID[n];
			this.projectKeys = new String[n];
			this.projectNames = new String[n];
			this.projectOrg = new int[n];
			this.projectStart = new long[n];
			this.componentIds = new UUID[n][];
			this.admins = new int[n][];
			this.developers = new int[n][];
			this.qa = new int[n][];
			this.viewers = new int[n][];
			this.workers = new int[n][];
			this.contributors = new int[n][];
			this.orgAdmins = new List[this.orgCount];
			for (int i = 0; i < this.orgCount; i++) {
				this.orgAdmins[i] = new ArrayList<>();
			}
			for (int i = 0; i < n; i++) {
				this.projectOrg[i] = i == 0 ? 0 : i % this.orgCount;
				this.projectStart[i] = i == 0 ? this.start : this.start + r.nextLong(300 * DAY);
				this.projectIds[i] = uuid7(this.projectStart[i], r.nextLong());
				String name = Words.PROJECTS[i % Words.PROJECTS.length];
				int round = i / Words.PROJECTS.length;
				this.projectNames[i] = round == 0 ? name : name + " " + (round + 1);
				String key = name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
				key = key.substring(0, Math.min(key.length(), 4));
				this.projectKeys[i] = round == 0 ? key : key + (round + 1);
				int components = 6 + r.nextInt(7);
				this.componentIds[i] = new UUID[components];
				for (int k = 0; k < components; k++) {
					this.componentIds[i][k] = uuid7(this.projectStart[i], r.nextLong());
				}
				members(r, i);
			}
		}

		/** Members of every role, drawn from the project's organization; the big project gets many. */
		private void members(SplittableRandom r, int project) {
			int[] pool = this.orgUsers[this.projectOrg[project]].clone();
			shuffle(r, pool);
			int size = Math.min(pool.length, project == 0 ? 320 : 15 + r.nextInt(46));
			int[] chosen = Arrays.copyOf(pool, size);
			if (project == 0) {
				int at = indexOf(chosen, 0);
				chosen[at < 0 ? 0 : at] = chosen[0];
				chosen[0] = 0;
			}
			int nAdmins = project == 0 ? 4 : 1 + r.nextInt(3);
			int nDevs = size * 2 / 5;
			int nQa = size / 5;
			this.admins[project] = Arrays.copyOfRange(chosen, 0, nAdmins);
			this.developers[project] = Arrays.copyOfRange(chosen, nAdmins, nAdmins + nDevs);
			this.qa[project] = Arrays.copyOfRange(chosen, nAdmins + nDevs, nAdmins + nDevs + nQa);
			this.viewers[project] = Arrays.copyOfRange(chosen, nAdmins + nDevs + nQa, size);
			this.workers[project] = Arrays.copyOfRange(chosen, 0, nAdmins + nDevs);
			this.contributors[project] = Arrays.copyOfRange(chosen, 0, nAdmins + nDevs + nQa);
			for (int a : this.admins[project]) {
				this.orgAdmins[this.projectOrg[project]].add(a);
			}
		}

		/** Creation times of all bugs, globally sorted, each with its project and per-project number. */
		private void bugTimeline(SplittableRandom r) {
			int n = this.o.projects;
			this.projectBugCount = new int[n];
			this.projectBugCount[0] = n == 1 ? this.o.bugs : this.o.bigProject;
			int rest = this.o.bugs - this.o.bigProject;
			double[] weights = new double[n];
			double sum = 0;
			for (int i = 1; i < n; i++) {
				weights[i] = 1 / Math.pow(i, 0.7);
				sum += weights[i];
			}
			int assigned = 0;
			for (int i = 1; i < n; i++) {
				this.projectBugCount[i] = (int) (rest * weights[i] / sum);
				assigned += this.projectBugCount[i];
			}
			for (int i = 1; assigned < rest; i = i % (n - 1) + 1) {
				this.projectBugCount[i]++;
				assigned++;
			}
			long[] keys = new long[this.o.bugs];
			int k = 0;
			for (int p = 0; p < n; p++) {
				int count = this.projectBugCount[p];
				long span = this.now - HOUR - this.projectStart[p];
				for (int j = 0; j < count; j++) {
					// stratified, slightly more bugs recently (a growing product)
					double u = Math.pow((j + r.nextDouble()) / count, 0.8);
					long created = this.projectStart[p] + (long) (span * u);
					keys[k++] = created * 4096 + p;
				}
			}
			Arrays.sort(keys);
			this.bugCreated = new long[this.o.bugs];
			this.bugProject = new short[this.o.bugs];
			this.bugNumber = new int[this.o.bugs];
			int[] counters = new int[n];
			for (int i = 0; i < keys.length; i++) {
				this.bugCreated[i] = keys[i] / 4096;
				this.bugProject[i] = (short) (keys[i] % 4096);
				this.bugNumber[i] = ++counters[this.bugProject[i]];
			}
		}

		/** Exactly {@code --comments} comments: a skewed weight per bug, rounded with error diffusion. */
		private void commentCounts() {
			this.commentCount = new short[this.o.bugs];
			if (this.o.bugs == 0) {
				return;
			}
			double[] w = new double[this.o.bugs];
			double sum = 0;
			for (int i = 0; i < this.o.bugs; i++) {
				SplittableRandom r = new SplittableRandom(mix(this.o.seed, i, 3));
				double x = -Math.log(1 - r.nextDouble());
				w[i] = x * x; // many bugs with no or one comment, a few long threads
				sum += w[i];
			}
			double carry = 0;
			long total = 0;
			for (int i = 0; i < this.o.bugs; i++) {
				double exact = w[i] * this.o.comments / sum + carry;
				int c = (int) Math.min(MAX_COMMENTS, Math.max(0, Math.round(exact)));
				carry = exact - c;
				this.commentCount[i] = (short) c;
				total += c;
			}
			for (int i = 0; total < this.o.comments && i < this.o.bugs * 4L; i++) {
				int b = (int) ((mix(this.o.seed, i, 4) >>> 1) % this.o.bugs);
				if (this.commentCount[b] < MAX_COMMENTS) {
					this.commentCount[b]++;
					total++;
				}
			}
		}

		SplittableRandom textRandom(int bug) {
			return new SplittableRandom(mix(this.o.seed, bug, 2));
		}

		SplittableRandom commentRandom(int bug) {
			return new SplittableRandom(mix(this.o.seed, bug, 5));
		}

		/** Everything about bug {@code i} except its texts; the same every time it is asked for. */
		BugDraft draft(int i) {
			SplittableRandom r = new SplittableRandom(mix(this.o.seed, i, 1));
			BugDraft b = new BugDraft();
			int p = this.bugProject[i];
			long created = this.bugCreated[i];
			b.project = p;
			b.number = this.bugNumber[i];
			b.id = uuid7(created, r.nextLong());
			b.createdMicros = created * 1000 + r.nextInt(1000);
			int s = r.nextInt(100);
			b.severity = s < 4 ? "critical" : s < 20 ? "high" : s < 75 ? "medium" : "low";
			int q = r.nextInt(100);
			b.priority = switch (b.severity) {
				case "critical" -> q < 60 ? "P0" : "P1";
				case "high" -> q < 10 ? "P0" : q < 60 ? "P1" : "P2";
				default -> q < 8 ? "P1" : q < 75 ? "P2" : "P3";
			};
			double age = (this.now - created) / (double) (this.now - this.start);
			double done = 0.2 + 0.6 * age;
			double d = r.nextDouble();
			if (d < done) {
				b.status = r.nextInt(100) < 35 ? "resolved" : "closed";
			}
			else {
				int x = r.nextInt(100);
				b.status = x < 60 ? "open" : x < 85 ? "in_progress" : "in_review";
			}
			b.reporter = this.userIds[skewed(r, this.contributors[p], 1.6)];
			boolean working = b.status.equals("in_progress") || b.status.equals("in_review");
			b.assignee = working || r.nextInt(100) < 50 ? this.userIds[skewed(r, this.workers[p], 1.8)] : null;
			b.component = r.nextInt(100) < 70 ? this.componentIds[p][skewedIndex(r, this.componentIds[p].length, 1.5)] : null;
			b.tags = tags(r);
			b.dueDate = r.nextInt(100) < 15
					? Instant.ofEpochMilli(created + (7 + r.nextInt(84)) * DAY).atZone(ZoneOffset.UTC).toLocalDate() : null;
			long sla = switch (b.severity) {
				case "critical" -> 4 * HOUR;
				case "high" -> 24 * HOUR;
				case "medium" -> 7 * DAY;
				default -> 0;
			};
			b.slaDueMicros = sla == 0 ? null : (created + sla) * 1000;
			b.githubIssue = r.nextInt(100) < 3 ? "https://github.com/example/" + this.projectKeys[p].toLowerCase(Locale.ROOT)
					+ "/issues/" + (1 + r.nextInt(9000)) : null;
			timeline(r, b);
			return b;
		}

		/** History consistent with the final state: status path, resolution, verification, a few edits. */
		private void timeline(SplittableRandom r, BugDraft b) {
			int p = b.project;
			long t = b.createdMicros / 1000;
			UUID worker = b.assignee != null ? b.assignee : this.userIds[skewed(r, this.workers[p], 1.8)];
			if (b.assignee != null && r.nextInt(100) < 25) {
				t = later(r, t, this.now, 8 * HOUR);
				add(b, t, worker, "assignee", null, b.assignee.toString());
			}
			if (r.nextInt(100) < 12) {
				String old = b.priority.equals("P2") ? "P3" : "P2";
				t = later(r, t, this.now, 12 * HOUR);
				add(b, t, worker, "priority", old, b.priority);
			}
			if (r.nextInt(100) < 6) {
				String old = b.severity.equals("medium") ? "low" : "medium";
				t = later(r, t, this.now, 12 * HOUR);
				add(b, t, b.reporter, "severity", old, b.severity);
			}
			switch (b.status) {
				case "in_progress" -> {
					t = later(r, t, this.now, DAY);
					add(b, t, worker, "status", "open", "in_progress");
				}
				case "in_review" -> {
					t = later(r, t, this.now, DAY);
					add(b, t, worker, "status", "open", "in_progress");
					t = later(r, t, this.now, 2 * DAY);
					add(b, t, worker, "status", "in_progress", "in_review");
				}
				case "resolved", "closed" -> {
					int x = r.nextInt(100);
					b.resolution = x < 70 ? "fixed" : x < 82 ? "duplicate" : x < 90 ? "cannot_reproduce" : x < 96 ? "wont_fix" : "by_design";
					t = later(r, t, this.now, 3 * DAY);
					add(b, t, worker, "status", "open", "resolved");
					add(b, t, worker, "resolution", null, b.resolution);
					b.resolvedMicros = t * 1000;
					if (b.status.equals("closed")) {
						int[] verifiers = this.qa[p].length > 0 ? this.qa[p] : this.workers[p];
						b.verifiedBy = this.userIds[verifiers[r.nextInt(verifiers.length)]];
						t = later(r, t, this.now, 2 * DAY);
						add(b, t, b.verifiedBy, "verified_by", null, b.verifiedBy.toString());
						add(b, t, b.verifiedBy, "status", "resolved", "closed");
						b.closedMicros = t * 1000;
					}
				}
				default -> {
				}
			}
			long last = b.history.isEmpty() ? b.createdMicros : b.history.get(b.history.size() - 1).atMicros();
			b.updatedMicros = last;
			b.version = 1 + (int) b.history.stream().mapToLong(Change::atMicros).distinct().count();
		}

		private static void add(BugDraft b, long atMillis, UUID user, String field, String oldValue, String newValue) {
			b.history.add(new Change(Math.max(atMillis * 1000, b.createdMicros + 1), user, field, oldValue, newValue));
		}

		/** A moment after {@code t} (about {@code typical} later), never after {@code now}. */
		static long later(SplittableRandom r, long t, long now, long typical) {
			long gap = (long) (-Math.log(1 - r.nextDouble()) * typical) + 60_000;
			return Math.min(now - 1000, t + Math.min(gap, Math.max(1000, (now - t) / 3)));
		}

		private String tags(SplittableRandom r) {
			int n = r.nextInt(100);
			int count = n < 35 ? 0 : n < 75 ? 1 : n < 93 ? 2 : 3;
			StringBuilder sb = new StringBuilder("{");
			List<String> picked = new ArrayList<>(3);
			for (int k = 0; k < count; k++) {
				String tag = Words.TAGS[skewedIndex(r, Words.TAGS.length, 1.7)];
				if (!picked.contains(tag)) {
					sb.append(picked.isEmpty() ? "" : ",").append(tag);
					picked.add(tag);
				}
			}
			return sb.append('}').toString();
		}

		UUID anyContributor(SplittableRandom r, int project) {
			int[] c = this.contributors[project];
			return this.userIds[c[r.nextInt(c.length)]];
		}

		long userCreated(int u) {
			return this.start - 30 * DAY + (long) u * 7_000_000L % (400 * DAY);
		}

		String userEmail(int u) {
			return u == 0 ? "admin" + this.tag + "@bench.fixpoint.test" : "user" + u + this.tag + "@bench.fixpoint.test";
		}

		String userName(int u) {
			if (u == 0) {
				return "admin" + this.tag;
			}
			String first = Words.FIRST[u % Words.FIRST.length].toLowerCase(Locale.ROOT);
			String last = Words.LAST[(u / Words.FIRST.length) % Words.LAST.length].toLowerCase(Locale.ROOT);
			return first + "." + last + u + this.tag;
		}

		String userFullName(int u) {
			return u == 0 ? "Bench Admin"
					: Words.FIRST[u % Words.FIRST.length] + " " + Words.LAST[(u / Words.FIRST.length) % Words.LAST.length];
		}

		/** A member index skewed towards the first ones: some people report or fix far more than others. */
		static int skewed(SplittableRandom r, int[] members, double power) {
			return members[skewedIndex(r, members.length, power)];
		}

		static int skewedIndex(SplittableRandom r, int n, double power) {
			return (int) (n * Math.pow(r.nextDouble(), power));
		}

		/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, random bits. */
		static UUID uuid7(long millis, long random) {
			long msb = (millis << 16) | 0x7000L | (random >>> 52);
			long lsb = (Long.rotateLeft(random, 12) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
			return new UUID(msb, lsb);
		}

		static long mix(long seed, long index, long stream) {
			long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

		private static void shuffle(SplittableRandom r, int[] a) {
			for (int i = a.length - 1; i > 0; i--) {
				int j = r.nextInt(i + 1);
				int x = a[i];
				a[i] = a[j];
				a[j] = x;
			}
		}

		private static int indexOf(int[] a, int v) {
			for (int i = 0; i < a.length; i++) {
				if (a[i] == v) {
					return i;
				}
			}
			return -1;
		}

	}

	// ---------------------------------------------------------------- texts

	record Texts(String title, String description, String steps, String expected, String actual, String environment) {

		static Texts of(SplittableRandom r) {
			String area = pick(r, Words.AREAS);
			String symptom = pick(r, Words.SYMPTOMS);
			String condition = pick(r, Words.CONDITIONS);
			String title = capitalize(area + " " + symptom + " " + condition);
			StringBuilder d = new StringBuilder();
			d.append("The ").append(area).append(' ').append(symptom).append(' ').append(condition).append(". ");
			int sentences = 1 + r.nextInt(4);
			int first = r.nextInt(Words.SENTENCES.length);
			for (int k = 0; k < sentences; k++) { // distinct sentences: every 7th one in a ring
				d.append(fill(r, Words.SENTENCES[(first + 7 * k) % Words.SENTENCES.length], area)).append(' ');
			}
			String steps = "1. Sign in as a " + pick(r, Words.PERSONAS) + ".\n2. Open the " + area + ".\n3. "
					+ capitalize(pick(r, Words.ACTIONS)) + ".\n4. " + capitalize(pick(r, Words.ACTIONS)) + ".";
			String expected = "The " + area + " " + pick(r, Words.EXPECTED) + ".";
			String actual = "The " + area + " " + symptom + ". " + fill(r, pick(r, Words.SENTENCES), area);
			String env = r.nextInt(100) < 70 ? "{\"os\": \"" + pick(r, Words.OS) + "\", \"browser\": \"" + pick(r, Words.BROWSERS)
					+ "\", \"version\": \"3." + r.nextInt(12) + "." + r.nextInt(10) + "\"}" : "{}";
			return new Texts(title, d.toString().trim(), steps, expected, actual, env);
		}

		static String comment(SplittableRandom r) {
			StringBuilder sb = new StringBuilder(pick(r, Words.COMMENTS));
			if (r.nextInt(100) < 40) {
				sb.append(' ').append(fill(r, pick(r, Words.SENTENCES), pick(r, Words.AREAS)));
			}
			if (r.nextInt(100) < 10) {
				sb.append("\n\nSee also ").append(pick(r, Words.ERRORS)).append(" in the logs.");
			}
			return sb.toString();
		}

		static String html(String content) {
			StringBuilder sb = new StringBuilder(content.length() + 16).append("<p>");
			for (int i = 0; i < content.length(); i++) {
				char ch = content.charAt(i);
				switch (ch) {
					case '<' -> sb.append("&lt;");
					case '>' -> sb.append("&gt;");
					case '&' -> sb.append("&amp;");
					case '"' -> sb.append("&quot;");
					case '\'' -> sb.append("&#39;");
					case '\n' -> sb.append("<br>");
					default -> sb.append(ch);
				}
			}
			return sb.append("</p>").toString();
		}

		private static String fill(SplittableRandom r, String template, String area) {
			return template.replace("{area}", area)
				.replace("{error}", pick(r, Words.ERRORS))
				.replace("{release}", "3." + r.nextInt(12))
				.replace("{n}", String.valueOf(1 + r.nextInt(9)))
				.replace("{persona}", pick(r, Words.PERSONAS))
				.replace("{browser}", pick(r, Words.BROWSERS));
		}

		private static String pick(SplittableRandom r, String[] words) {
			return words[r.nextInt(words.length)];
		}

		private static String capitalize(String s) {
			return Character.toUpperCase(s.charAt(0)) + s.substring(1);
		}

	}

	static final class Words {

		static final String[] ORGS = { "Acme Retail", "Globex", "Initech", "Umbrella Health", "Stark Logistics",
				"Wayne Media", "Hooli", "Vandelay Imports", "Soylent Foods", "Tyrell Systems", "Cyberdyne", "Wonka Labs" };

		static final String[] PROJECTS = { "Storefront", "Payments", "Mobile", "Search", "Billing", "Identity",
				"Warehouse", "Analytics", "Notifications", "Admin Console", "Checkout", "Catalog", "Reports", "Gateway",
				"Scheduler", "Inbox", "Calendar", "Docs", "Partner Portal", "Loyalty", "Shipping", "Returns", "Pricing",
				"Inventory", "CRM", "Helpdesk", "Forum", "Video", "Uploads", "Exports", "Telemetry", "Ledger", "Payroll",
				"Onboarding", "Marketplace", "Kiosk", "Desktop", "Wearables", "Recommendations", "Ads", "Chat",
				"Compliance", "Audit", "Translations", "Maps", "Booking", "Subscriptions", "Webhooks", "Status Page",
				"Sandbox" };

		static final String[] COMPONENTS = { "Frontend", "Backend", "API", "Database", "Authentication", "Mobile app",
				"Infrastructure", "Emails", "Search index", "Payments", "Reporting", "Accessibility" };

		static final String[] TAGS = { "regression", "ui", "backend", "customer-reported", "performance", "mobile",
				"api", "needs-triage", "flaky", "security", "crash", "timeout", "accessibility", "i18n", "data-loss",
				"memory-leak", "race-condition", "good-first-bug", "docs", "ux", "safari", "upgrade", "hotfix",
				"tech-debt" };

		static final String[] AREAS = { "checkout", "checkout page", "login form", "search results page", "dashboard",
				"payment form", "invoice export", "user profile", "notification settings", "file upload",
				"report builder", "API gateway", "shopping cart", "admin panel", "password reset flow",
				"onboarding wizard", "calendar sync", "CSV import", "order history", "product page", "coupon field",
				"shipping calculator", "webhook delivery", "session handling", "image gallery", "PDF generator",
				"audit log", "team invitation email", "two-factor setup", "billing page", "subscription renewal",
				"inventory sync job", "mobile app", "settings page", "comment editor", "data export", "autocomplete" };

		static final String[] SYMPTOMS = { "times out", "hits a gateway timeout", "fails with a timeout", "crashes",
				"shows a blank page", "returns HTTP 500", "is very slow", "loses unsaved data", "shows wrong totals",
				"freezes", "throws a NullPointerException", "ignores the selected filter", "creates duplicate entries",
				"fails to load", "renders incorrectly", "logs the user out", "hangs indefinitely",
				"shows a stale value", "rejects valid input", "sends the email twice", "leaks memory",
				"rounds amounts incorrectly", "breaks the layout", "shows an untranslated label",
				"deadlocks under load", "retries forever", "drops the last character", "shows a spinner forever" };

		static final String[] CONDITIONS = { "when the cart has more than 50 items", "after the session expires",
				"on Safari 17", "on a slow 3G connection", "for users with non-ASCII names", "in dark mode",
				"after upgrading to the latest release", "when two users edit at the same time", "on first login",
				"during peak hours", "with a German locale", "when the VPN is on", "after a password change",
				"for accounts with SSO", "on Android tablets", "when the request contains emoji",
				"with more than 1000 rows", "right after deployment", "when the payment provider is slow",
				"on iOS 18", "with the screen reader enabled", "in Firefox private mode", "after switching teams",
				"when the file is larger than 100 MB", "on the annual plan", "in the EU region", "under load" };

		static final String[] SENTENCES = { "It started after release {release}.",
				"A customer on the enterprise plan reported it twice this week.",
				"The logs show {error} right before it happens.", "It happens about {n} times out of ten.",
				"Workaround: reload the {area} and try again.", "This blocks a {persona} from finishing their work.",
				"Could be related to the recent cache changes.", "We could reproduce it on staging but not locally.",
				"Monitoring shows a spike in latency at the same time.", "The client timeout is set to 30 seconds.",
				"Only reproducible in {browser}.", "Support has received {n} tickets about this.",
				"The request never reaches the database according to the traces.",
				"Happens both in the web client and through the API.",
				"Memory usage climbs steadily until the pod restarts.", "Probably a race condition in the worker.",
				"The retry logic makes it worse under load.", "Screenshots are attached to the support ticket.",
				"Sales says this affects a large prospect demo.", "First seen by the {persona} during the nightly run." };

		static final String[] ACTIONS = { "add three items and apply a coupon", "click save twice quickly",
				"switch the language to German", "upload a 20 MB image", "wait for ten minutes",
				"change the sort order", "open a second tab with the same page", "submit the form with an empty field",
				"press the back button", "filter by last month", "export the current view as CSV",
				"disconnect the network and reconnect", "enter a name with an apostrophe", "refresh the page",
				"pay with a saved card", "invite a teammate by email", "scroll to the bottom of the list" };

		static final String[] EXPECTED = { "saves the changes and shows a confirmation", "loads in under two seconds",
				"shows the correct total", "keeps the user signed in", "lists only the matching results",
				"sends exactly one email", "completes the payment", "displays the translated label",
				"shows a helpful error message", "keeps the layout intact" };

		static final String[] ERRORS = { "java.net.SocketTimeoutException: Read timed out",
				"ERROR 40001 could not serialize access", "HTTP 504 Gateway Timeout", "OutOfMemoryError: Java heap space",
				"TypeError: cannot read properties of undefined", "connection reset by peer",
				"deadlock detected", "429 Too Many Requests", "SSLHandshakeException", "NullPointerException in CartService",
				"lock wait timeout exceeded", "upstream connect error" };

		static final String[] PERSONAS = { "store manager", "customer", "support agent", "QA engineer",
				"finance admin", "new user", "guest", "developer", "warehouse worker" };

		static final String[] BROWSERS = { "Chrome 131", "Firefox 133", "Safari 17.5", "Edge 131", "Safari iOS 18",
				"Chrome Android 131" };

		static final String[] OS = { "Windows 11", "macOS 15", "Ubuntu 24.04", "iOS 18", "Android 15", "ChromeOS" };

		static final String[] COMMENTS = { "I can reproduce this on staging.", "Could not reproduce with the latest build.",
				"Looking into it now.", "Fixed in the linked pull request, please verify.",
				"This looks like a duplicate of an older report.", "Raising the priority: three more customers hit it.",
				"Verified on production, works as expected now.", "Added more logging around the request path.",
				"Is this still happening after the hotfix?", "Root cause: the connection pool was exhausted.",
				"The timeout was too short for large carts; increased it.", "QA: still failing on Safari.",
				"Moving this to the next sprint.", "Customer confirmed the workaround helps for now.",
				"Attaching the trace from the failing request.", "Please add steps to reproduce.",
				"The flaky test around checkout is related.", "Reverted the change that caused the regression." };

		static final String[] FIRST = { "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
				"Frances", "Edsger", "Radia", "Donald", "Hedy", "John", "Katherine", "Tim", "Sophie", "Bjarne", "Anita",
				"Guido", "Shafi", "Niklaus", "Lynn", "James", "Karen", "Leslie", "Mary", "Vint", "Jean", "Yukihiro",
				"Elena", "Rob", "Adele", "Brian", "Fran", "Whitfield", "Joan", "Tony", "Carol", "Ivan", "Priya", "Mei",
				"Omar", "Fatima", "Kwame", "Sofia", "Mateo", "Aiko", "Lars", "Ingrid" };

		static final String[] LAST = { "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov",
				"Thompson", "Allen", "Dijkstra", "Perlman", "Knuth", "Lamarr", "McCarthy", "Johnson", "Berners-Lee",
				"Wilson", "Stroustrup", "Borg", "Rossum", "Goldwasser", "Wirth", "Conway", "Gosling", "Jones", "Lamport",
				"Shaw", "Cerf", "Sammet", "Matsumoto", "Garcia", "Pike", "Goldberg", "Kernighan", "Diffie", "Clarke",
				"Hoare", "Shaw", "Sutherland", "Nakamura" };

	}

	// ---------------------------------------------------------------- COPY streaming and progress

	/** One {@code COPY table (columns) FROM STDIN} in text format, written in 1 MB chunks. */
	static final class Copy implements AutoCloseable {

		private static final int CHUNK = 1 << 20;

		private final CopyIn copy;

		private final StringBuilder buf = new StringBuilder(CHUNK + 64 * 1024);

		private final AtomicLong rows;

		private final Progress progress;

		private final String table;

		private boolean rowStart = true;

		private long pending;

		Copy(Connection c, String table, String columns, Progress progress) throws SQLException {
			this.rows = progress.counter(table);
			this.progress = progress;
			this.table = table;
			this.copy = c.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy " + table + " (" + columns.replaceAll("\\s+", " ").trim() + ") from stdin");
		}

		private StringBuilder field() {
			if (!this.rowStart) {
				this.buf.append('\t');
			}
			this.rowStart = false;
			return this.buf;
		}

		Copy text(String s) {
			StringBuilder b = field();
			if (s == null) {
				b.append("\\N");
				return this;
			}
			for (int i = 0; i < s.length(); i++) {
				char ch = s.charAt(i);
				switch (ch) {
					case '\\' -> b.append("\\\\");
					case '\n' -> b.append("\\n");
					case '\r' -> b.append("\\r");
					case '\t' -> b.append("\\t");
					default -> b.append(ch);
				}
			}
			return this;
		}

		/** A value known to need no escaping (array literals of plain words). */
		Copy raw(String s) {
			field().append(s == null ? "\\N" : s);
			return this;
		}

		Copy uuid(UUID id) {
			field().append(id == null ? "\\N" : id.toString());
			return this;
		}

		Copy num(long n) {
			field().append(n);
			return this;
		}

		Copy bool(boolean v) {
			field().append(v ? 't' : 'f');
			return this;
		}

		Copy date(LocalDate d) {
			field().append(d == null ? "\\N" : d.toString());
			return this;
		}

		Copy ts(Long micros) {
			StringBuilder b = field();
			if (micros == null) {
				b.append("\\N");
			}
			else {
				b.append(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
			}
			return this;
		}

		void end() throws SQLException {
			this.buf.append('\n');
			this.rowStart = true;
			this.pending++;
			if (this.buf.length() >= CHUNK) {
				flush();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buf.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buf.setLength(0);
			this.rows.addAndGet(this.pending);
			this.pending = 0;
		}

		@Override
		public void close() throws SQLException {
			if (!this.copy.isActive()) {
				return;
			}
			flush();
			this.copy.endCopy();
			this.progress.finished(this.table);
		}

	}

	/** Rows per table, printed every five seconds and summarized at the end. */
	static final class Progress {

		private final Map<String, AtomicLong> counters = new LinkedHashMap<>();

		private final Map<String, long[]> spans = new LinkedHashMap<>();

		private Thread printer;

		synchronized AtomicLong counter(String table) {
			long now = System.nanoTime();
			this.spans.computeIfAbsent(table, t -> new long[] { now, now });
			return this.counters.computeIfAbsent(table, t -> new AtomicLong());
		}

		void start() {
			this.printer = Thread.ofPlatform().daemon().start(() -> {
				Map<String, Long> last = new LinkedHashMap<>();
				while (!Thread.currentThread().isInterrupted()) {
					try {
						Thread.sleep(5000);
					}
					catch (InterruptedException ex) {
						return;
					}
					print(last);
				}
			});
		}

		private synchronized void print(Map<String, Long> last) {
			StringBuilder sb = new StringBuilder();
			this.counters.forEach((table, n) -> {
				long rows = n.get();
				long before = last.getOrDefault(table, 0L);
				if (rows != before) {
					sb.append(String.format(Locale.ROOT, "  %s %,d (%,.0f rows/s)", table, rows, (rows - before) / 5.0));
				}
				last.put(table, rows);
			});
			if (!sb.isEmpty()) {
				System.out.println("..." + sb);
			}
		}

		void stop() {
			if (this.printer != null) {
				this.printer.interrupt();
			}
		}

		/** A table's time runs from its first COPY's start to its last COPY's end (slices run in parallel). */
		synchronized void finished(String table) {
			long[] span = this.spans.get(table);
			span[1] = Math.max(span[1], System.nanoTime());
		}

		synchronized void summary() {
			System.out.println();
			System.out.printf(Locale.ROOT, "%-22s %12s %10s %12s%n", "table", "rows", "seconds", "rows/s");
			this.counters.forEach((table, n) -> {
				long[] span = this.spans.get(table);
				double s = Math.max(0.001, (span[1] - span[0]) / 1e9);
				System.out.printf(Locale.ROOT, "%-22s %,12d %10.1f %,12.0f%n", table, n.get(), s, n.get() / s);
			});
		}

	}

}
