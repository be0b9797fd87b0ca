import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cost of triage against a running Fixpoint (started by bench/triage/latency.sh on a fresh data directory):
 *
 * <ol>
 * <li>{@code file}: signs up, creates project TRI and files the 305 reports of the evaluation set through the API;
 * times each filing (the answer never waits for the model) and the time until all are embedded (outbox workers).</li>
 * <li>{@code scale}: adds N synthetic bugs to TRI straight into PostgreSQL, each with a vector (random bytes: the cost
 * of a scan does not depend on the values) in {@code triage_vectors}.</li>
 * <li>{@code query}: times {@code GET /api/projects/TRI/bugs/similar?title&description} for the evaluation set's
 * reports, the first (which loads the project's vectors) apart.</li>
 * <li>{@code unembed}: marks M of the synthetic bugs as not embedded (model {@code none}, as migration V41 leaves
 * the bugs filed before it); latency.sh then restarts the app, whose embedding backfill ({@code platform.Backfills})
 * walks them.</li>
 * <li>{@code backfill}: waits until none is left and prints the rate (real model work: their titles).</li>
 * </ol>
 * Only ever talks to the loopback address it is given.
 */
public class TriageLatency {

	static final HttpClient http = HttpClient.newHttpClient();

	static String base;

	static String jdbc;

	public static void main(String[] args) throws Exception {
		String phase = args[0];
		base = args[1];
		jdbc = args[2];
		Path state = Path.of(args[3]);
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 0;
		switch (phase) {
			case "file" -> file(state);
			case "scale" -> scale(n);
			case "query" -> query(Files.readString(state).strip(), n);
			case "unembed" -> unembed(n);
			case "backfill" -> backfill(n);
			case "login" -> login(state);
			default -> throw new IllegalArgumentException(phase);
		}
	}

	static void file(Path state) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String signup = send("POST", "/api/auth/signup", null, """
				{"email": "tri-%s@example.com", "password": "bench-password-123", "name": "Triage Bench", "username": "tri-%s"}"""
			.formatted(suffix, suffix), 201);
		String token = field(signup, "token");
		send("POST", "/api/projects", token, "{\"name\": \"Triage bench\", \"key\": \"TRI\"}", 201);
		Files.writeString(state, token);
		List<String[]> reports = reports();
		List<Long> times = new ArrayList<>();
		long start = System.nanoTime();
		for (String[] r : reports) {
			long t = System.nanoTime();
			send("POST", "/api/projects/TRI/bugs", token, """
					{"title": "%s", "description": "%s", "severity": "%s"}""".formatted(json(r[4]), json(r[5]), r[1]),
					201);
			times.add(System.nanoTime() - t);
		}
		long filed = System.nanoTime();
		long embedded;
		while ((embedded = count("select count(*) from triage_vectors v join projects p on p.id = v.project_id "
				+ "where p.key = 'TRI' and v.vector is not null")) < reports.size()) {
			Thread.sleep(100);
		}
		long done = System.nanoTime();
		System.out.printf("filing: %d bugs, %s; all filed after %.1f s, all embedded after %.1f s (%.1f bugs/s)%n",
				reports.size(), percentiles(times), (filed - start) / 1e9, (done - start) / 1e9,
				reports.size() / ((done - start) / 1e9));
	}

	static void scale(int n) throws Exception {
		long start = System.nanoTime();
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
			c.createStatement().execute("set synchronous_commit = off");
			c.createStatement().execute("""
					insert into bugs (id, project_id, number, title, severity, status, reporter_id)
					select gen_random_uuid(), p.id, 100000 + g,
					       'Synthetic bug ' || g || ' about ' || (array['checkout','login','search','upload','report',
					       'email','mobile','export','dashboard','invoice'])[1 + g %% 10] || ' ' || md5(g::text),
					       'medium', 'open', (select reporter_id from bugs where project_id = p.id limit 1)
					from projects p, generate_series(1, %d) g where p.key = 'TRI'
					""".formatted(n));
			c.createStatement().execute("""
					insert into triage_vectors (bug_id, project_id, title, model, vector, embedded_at)
					select b.id, b.project_id, b.title, 'all-MiniLM-L6-v2-q',
					       sha512(convert_to(b.id::text || '1', 'UTF8')) || sha512(convert_to(b.id::text || '2', 'UTF8'))
					       || sha512(convert_to(b.id::text || '3', 'UTF8')) || sha512(convert_to(b.id::text || '4', 'UTF8'))
					       || sha512(convert_to(b.id::text || '5', 'UTF8')) || sha512(convert_to(b.id::text || '6', 'UTF8')),
					       now()
					from bugs b join projects p on p.id = b.project_id where p.key = 'TRI' and b.number > 100000
					""");
			c.createStatement().execute("vacuum analyze triage_vectors");
		}
		System.out.printf("scale: %d synthetic bugs with vectors added in %.1f s%n", n, (System.nanoTime() - start) / 1e9);
	}

	/** Logs in as the generated data set's admin (bench/data/generate.sh): its token for {@code query}. */
	static void login(Path state) throws Exception {
		Files.writeString(state, field(send("POST", "/api/auth/login", null, """
				{"email": "admin@bench.fixpoint.test", "password": "fixpoint-bench"}""", 200), "token"));
	}

	static void query(String token, int rounds) throws Exception {
		List<String[]> reports = reports();
		long t = System.nanoTime();
		similar(token, reports.get(0));
		System.out.printf("similar, first call (loads the project's vectors): %.0f ms%n", (System.nanoTime() - t) / 1e6);
		for (int i = 0; i < 10; i++) { // warm-up
			similar(token, reports.get((i * 11 + 3) % reports.size()));
		}
		long cpu = cpuTicks();
		for (int i = 0; i < rounds; i++) {
			similar(token, reports.get((i * 7 + 1) % reports.size()));
		}
		if (cpu >= 0) {
			System.out.printf("similar, %d calls one after the other: %.1f ms of CPU each (app and PostgreSQL)%n", rounds,
					(cpuTicks() - cpu) * 10.0 / rounds);
		}
		List<Long> times = new ArrayList<>();
		List<Long> me = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long s = System.nanoTime();
			similar(token, reports.get((i * 7 + 1) % reports.size()));
			times.add(System.nanoTime() - s);
			s = System.nanoTime();
			send("GET", "/api/me", token, null, 200);
			me.add(System.nanoTime() - s);
		}
		System.out.printf("similar, %d calls (title + description): %s; GET /api/me between them: %s; load average %s%n",
				rounds, percentiles(times), percentiles(me), Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
	}

	static void unembed(int n) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
			c.createStatement().execute("""
					update triage_vectors set model = 'none', vector = null, skipped = 'queued for embedding'
					where bug_id in (select b.id from bugs b join projects p on p.id = b.project_id
					                 where p.key = 'TRI' and b.number > 100000 order by b.number limit %d)
					""".formatted(n));
		}
	}

	static void backfill(int n) throws Exception {
		long start = System.nanoTime();
		long first = 0;
		long left;
		while ((left = count("select count(*) from triage_vectors where model = 'none'")) > 0) {
			if (first == 0 && left < n) {
				first = System.nanoTime(); // the first batch committed
			}
			Thread.sleep(100);
		}
		double s = (System.nanoTime() - start) / 1e9;
		System.out.printf("backfill: %d bugs embedded in %.1f s from the app's readiness (%.1f bugs/s; 1,000,000 bugs "
				+ "would take %.1f h), the first batch after %.1f s%n", n, s, n / s, 1_000_000 / (n / s) / 3600,
				first == 0 ? s : (first - start) / 1e9);
	}

	/**
	 * CPU time so far, in ticks of 10 ms, of the processes in {@code CPU_PIDS} (the app's and PostgreSQL's
	 * postmaster) with their children, those ended included; -1 without it.
	 */
	static long cpuTicks() throws Exception {
		String pids = System.getenv("CPU_PIDS");
		if (pids == null || pids.isBlank()) {
			return -1;
		}
		long ticks = 0;
		for (String pid : pids.strip().split("\\s+")) {
			List<ProcessHandle> all = new ArrayList<>();
			ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
				all.add(p);
				p.children().forEach(all::add);
			});
			for (ProcessHandle p : all) {
				try {
					String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
					String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					// utime, stime, cutime, cstime: fields 14-17, here 11-14 counted from 0 after the name
					ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
				}
				catch (java.io.IOException ended) {
					// a backend that ended meanwhile: counted in its parent's cutime
				}
			}
		}
		return ticks;
	}

	static void similar(String token, String[] r) throws Exception {
		send("GET", "/api/projects/" + System.getenv().getOrDefault("TRIAGE_PROJECT", "TRI") + "/bugs/similar?title=" + URLEncoder.encode(r[4], StandardCharsets.UTF_8)
				+ "&description=" + URLEncoder.encode(r[5], StandardCharsets.UTF_8), token, null, 200);
	}

	static List<String[]> reports() throws Exception {
		List<String[]> out = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("src/test/resources/triage/eval.tsv"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				out.add(line.split("\t"));
			}
		}
		return out;
	}

	static long count(String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
				PreparedStatement ps = c.prepareStatement(sql);
				ResultSet rs = ps.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static String percentiles(List<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(at(sorted, 0.5), at(sorted, 0.95),
				at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
	}

	static double at(List<Long> sorted, double q) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
	}

	static String send(String method, String path, String token, String body, int expected) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			b.header("Content-Type", "application/json");
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
