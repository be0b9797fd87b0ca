import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load test of a running Fixpoint, using nothing but the JDK.
 *
 * <pre>java bench/LoadTest.java [--base http://localhost:8080] [--seconds 20] [--concurrency 16]</pre>
 *
 * Signs up a fresh user, creates a project, then runs timed phases (bug create, bug read, filtered lists, the HTML
 * bug list if the UI has one) with a fixed number of concurrent workers, each sending its next request as soon as the
 * previous one answered (closed loop). Prints one Markdown table row per phase. With {@code --soak} it runs one
 * realistic mix of all kinds of requests instead, and reports it per minute ({@link Soak}). Only loopback addresses are accepted:
 * this is a benchmark of your own machine, not a tool to point at other people's servers.
 */
public class LoadTest {

	/** A named request generator; any 2xx answer counts as success. */
	record Phase(String name, Function<Integer, HttpRequest> request) {
	}

	record Result(String name, long requests, double seconds, long[] sortedNanos, long errors, String note,
			double serverCpuMs) {
	}

	static final HttpClient API = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static String base = "http://localhost:8080";

	static String token;

	/** The server's process id (--server-pid): each phase also reports the server's CPU time per request. */
	static long serverPid = -1;

	public static void main(String[] args) throws Exception {
		int seconds = 20;
		int concurrency = 16;
		String email = null;
		String password = null;
		String project = null;
		List<String> only = List.of();
		boolean soak = false;
		int window = 60;
		String pid = null;
		for (int i = 0; i < args.length; i++) {
			// flags without a value
			if (args[i].equals("--soak")) {
				soak = true;
				args = java.util.stream.Stream.concat(Arrays.stream(args, 0, i), Arrays.stream(args, i + 1, args.length))
					.toArray(String[]::new);
				break;
			}
		}
		int warmupSeconds = -1;
		for (int i = 0; i < args.length - 1; i += 2) {
			switch (args[i]) {
				case "--base" -> base = args[i + 1].replaceAll("/+$", "");
				case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
				case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
				// measure on existing data (e.g. bench/data's 100k-bug project STOR) instead of a fresh project
				case "--email" -> email = args[i + 1];
				case "--password" -> password = args[i + 1];
				case "--project" -> project = args[i + 1];
				// only the phases whose name contains one of these words, e.g. "create,read,html"
				case "--only" -> only = List.of(args[i + 1].toLowerCase(Locale.ROOT).split(","));
				// soak: the length of a reported window, and the server's pid to sample its heap after GC (jcmd)
				case "--window" -> window = Integer.parseInt(args[i + 1]);
				case "--pid" -> {
					pid = args[i + 1];
					serverPid = Long.parseLong(pid);
				}
				// seconds of warm-up (not reported); default a fifth of --seconds, at least 3
				case "--warmup" -> warmupSeconds = Integer.parseInt(args[i + 1]);
				// a server on this machine: read its CPU time from /proc around each phase (Linux)
				case "--server-pid" -> serverPid = Long.parseLong(args[i + 1]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
		}
		requireLoopback(base);
		if (seconds < 5 || seconds > (soak ? 6 * 3600 : 600) || concurrency < 1 || concurrency > 256) {
			throw new IllegalArgumentException("--seconds must be 5..600 (soak: ..21600) and --concurrency 1..256");
		}
		String suffix = Long.toString(System.currentTimeMillis(), 36) + ThreadLocalRandom.current().nextInt(1000);
		String userId;
		String key;
		if (email != null && project != null) {
			String login = send(post("/api/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password
					+ "\"}", null), 200);
			token = field(login, "token");
			userId = field(login, "id");
			key = project;
		}
		else {
			String signup = send(post("/api/auth/signup", """
					{"email": "bench-%s@example.com", "password": "bench-password-123", "name": "Bench %s", "username": "bench-%s"}
					""".formatted(suffix, suffix, suffix), null), 201);
			token = field(signup, "token");
			userId = field(signup, "id");
			key = ("B" + suffix.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "")).substring(0, 8);
			send(post("/api/projects", "{\"name\": \"Benchmark " + key + "\", \"key\": \"" + key + "\"}", token), 201);
		}
		List<String> bugKeys = new CopyOnWriteArrayList<>();
		if (soak) {
			Soak.run(key, userId, concurrency, seconds, window, pid, bugKeys);
			return;
		}
		List<Phase> phases = new ArrayList<>();
		Function<Integer, HttpRequest> create = n -> post("/api/projects/" + key + "/bugs", newBug(n, userId), token);
		Function<Integer, HttpRequest> read = n -> get("/api/bugs/" + pick(bugKeys));
		List<String> filters = List.of("severity=high", "status=open&sort=-priority", "assignee=me", "tag=checkout",
				"q=timeout", "severity=critical,high&status=open&assignee=me&sort=-priority");
		phases.add(new Phase("create bug  POST /api/projects/{key}/bugs", create));
		phases.add(new Phase("read bug  GET /api/bugs/{key}", read));
		// the cheapest authenticated request: what the per-request machinery (filters, metrics) costs shows here
		phases.add(new Phase("who am I  GET /api/me", n -> get("/api/me")));
		for (String filter : filters) {
			phases.add(new Phase("list  ?" + filter, n -> get("/api/projects/" + key + "/bugs?" + filter)));
		}
		phases.add(new Phase("full-text search  GET /api/projects/{key}/search?q=checkout timeout",
				n -> get("/api/projects/" + key + "/search?q=checkout%20timeout")));
		phases.add(new Phase("global search  GET /api/search?q=payment severity:critical",
				n -> get("/api/search?q=payment%20severity%3Acritical")));
		List<String> typed = List.of("pa", "pay", "paym", "payme", "chec", "check", "logi", "login");
		phases.add(new Phase("quick search (as you type)  GET /api/search?q=<prefix>&limit=8",
				n -> get("/api/search?limit=8&q=" + typed.get(n % typed.size()))));
		List<String> wanted = only;
		if (!wanted.isEmpty()) {
			phases.removeIf(p -> wanted.stream().noneMatch(w -> p.name().toLowerCase(Locale.ROOT).contains(w)));
		}
		boolean withHtml = wanted.isEmpty() || wanted.contains("html");
		// warm-up: every kind of request, so the server's JIT has seen them all before anything is measured
		Phase warmUp = new Phase("warm-up", n -> n % 3 == 0 || bugKeys.isEmpty() ? create.apply(n)
				: n % 3 == 1 ? read.apply(n) : get("/api/projects/" + key + "/bugs?" + filters.get(n % filters.size())));
		int warmup = warmupSeconds >= 0 ? warmupSeconds : Math.max(3, seconds / 5);
		if (warmup >= seconds) {
			throw new IllegalArgumentException("--warmup must be shorter than --seconds");
		}
		double perPhase = (seconds - warmup) / (double) (phases.size() + (withHtml ? 1 : 0));

		System.out.printf("Fixpoint load test against %s: %d workers, %d s total (%d s warm-up, %.1f s per phase), "
				+ "JDK %s, %d CPUs, %s%n%n", base, concurrency, seconds, warmup, perPhase,
				Runtime.version(), Runtime.getRuntime().availableProcessors(), Instant.now());
		run(API, warmUp, concurrency, warmup, bugKeys); // not reported
		if (bugKeys.isEmpty()) {
			throw new IllegalStateException("The warm-up could not create a single bug; see the errors above");
		}
		List<Result> results = new ArrayList<>();
		for (Phase phase : phases) {
			results.add(run(API, phase, concurrency, perPhase, bugKeys));
		}
		if (withHtml) {
			results.add(htmlPage(key, concurrency, perPhase, email != null ? email : "bench-" + suffix + "@example.com",
					password != null ? password : "bench-password-123"));
		}
		String cpu = serverPid > 0 ? " server CPU ms/request |" : "";
		System.out.println("| phase | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |" + cpu);
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|" + (serverPid > 0 ? "---:|" : ""));
		for (Result r : results) {
			System.out.println(row(r));
		}
		System.out.printf("%nProject %s holds %d bugs at the end.%n", key, bugKeys.size());
	}

	/** Workers loop until the deadline; each records its own latencies, merged and sorted at the end. */
	static Result run(HttpClient client, Phase phase, int concurrency, double seconds, List<String> createdKeys) throws Exception {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		AtomicLong errors = new AtomicLong();
		AtomicLong counter = new AtomicLong();
		List<long[]> perWorker = new CopyOnWriteArrayList<>();
		List<String> firstError = new CopyOnWriteArrayList<>();
		long started = System.nanoTime();
		long cpuBefore = serverCpuNanos();
		try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
			for (int w = 0; w < concurrency; w++) {
				workers.submit(() -> {
					long[] nanos = new long[1024];
					int count = 0;
					while (System.nanoTime() < deadline) {
						HttpRequest request = phase.request().apply((int) counter.incrementAndGet());
						long t0 = System.nanoTime();
						try {
							HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
							if (response.statusCode() / 100 != 2) {
								errors.incrementAndGet();
								if (firstError.isEmpty()) {
									firstError.add(response.statusCode() + " " + abbreviate(response.body()));
								}
							}
							else if (response.statusCode() == 201 && createdKeys != null) {
								createdKeys.add(field(response.body(), "key"));
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							if (firstError.isEmpty()) {
								firstError.add(ex.toString());
							}
						}
						if (count == nanos.length) {
							nanos = Arrays.copyOf(nanos, count * 2);
						}
						nanos[count++] = System.nanoTime() - t0;
					}
					perWorker.add(Arrays.copyOf(nanos, count));
					return null;
				});
			}
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		long cpu = serverCpuNanos() - cpuBefore;
		long[] all = perWorker.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		if (!firstError.isEmpty()) {
			System.err.println("First error in '" + phase.name() + "': " + firstError.get(0));
		}
		return new Result(phase.name(), all.length, elapsed, all, errors.get(), null,
				serverPid > 0 && all.length > 0 ? cpu / 1e6 / all.length : Double.NaN);
	}

	/**
	 * The server-rendered bug list, if this build has one: signs in through the login form with a session cookie
	 * (CSRF token from the form), then times {@code GET /p/{key}/bugs}. Skipped with the reason otherwise.
	 */
	static Result htmlPage(String key, int concurrency, double seconds, String login, String secret) throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String page = "/p/" + key + "/bugs";
		HttpResponse<String> loginForm = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginForm.body());
		if (loginForm.statusCode() != 200 || !csrf.find()) {
			return skipped(page, "no login form at /login (HTTP " + loginForm.statusCode() + ")");
		}
		String email = URLEncoder.encode(login, StandardCharsets.UTF_8);
		String form = "email=" + email + "&password=" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> probe = browser.send(get(page), HttpResponse.BodyHandlers.ofString());
		if (probe.statusCode() != 200) {
			return skipped(page, "GET " + page + " answered HTTP " + probe.statusCode() + " after signing in");
		}
		// the session cookie lives in this client's cookie manager, so the page is timed with this client
		return run(browser, new Phase(HTML_PHASE, n -> get(page)), concurrency, seconds, null);
	}

	static final String HTML_PHASE = "HTML list  GET /p/{key}/bugs";

	static Result skipped(String page, String why) {
		return new Result(HTML_PHASE, 0, 0, new long[0], 0, "skipped: " + why, Double.NaN);
	}

	static String row(Result r) {
		if (r.note() != null) {
			return "| " + r.name() + " | – | – | – | – | – | – | " + r.note() + " |";
		}
		return String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d |", r.name(),
				r.requests(), r.requests() / r.seconds(), ms(r.sortedNanos(), 0.50), ms(r.sortedNanos(), 0.90),
				ms(r.sortedNanos(), 0.99), ms(r.sortedNanos(), 1.0), r.errors())
				+ (serverPid > 0 ? String.format(Locale.ROOT, " %.3f |", r.serverCpuMs()) : "");
	}

	/**
	 * User + system CPU time of the server process so far, from /proc/<pid>/stat (clock ticks of 10 ms); 0 without
	 * --server-pid. On a shared machine this moves less than throughput: other processes take wall time, not CPU time.
	 */
	static long serverCpuNanos() {
		if (serverPid <= 0) {
			return 0;
		}
		try {
			String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // utime, stime
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("Cannot read the CPU time of process " + serverPid, ex);
		}
	}

	/** Nearest-rank percentile in milliseconds. */
	static double ms(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	// --- requests

	static final String[] SEVERITIES = { "critical", "high", "medium", "medium", "low" };

	static final String[] PRIORITIES = { "P0", "P1", "P2", "P2", "P3" };

	static final String[] TAGS = { "checkout", "search", "mobile", "performance", "regression" };

	// the vocabulary of bench/data/Generate.java, so that bugs created here are found by the searches measured here
	// as often as the generated ones (searches rank the newest bugs first)
	static final String[] AREAS = { "checkout", "checkout page", "login form", "search results page", "dashboard",
			"cart", "payment step", "export", "settings page", "mobile app" };

	static final String[] SYMPTOMS = { "times out", "hits a gateway timeout", "crashes", "shows a blank page",
			"is slow", "loses the form data", "shows the wrong total", "ignores the coupon" };

	static String newBug(int n, String userId) {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		String area = AREAS[r.nextInt(AREAS.length)];
		String symptom = SYMPTOMS[r.nextInt(SYMPTOMS.length)];
		return """
				{"title": "The %s %s (load test %d)", "description": "Seen while saving: the %s %s.",
				 "steps_to_reproduce": "1. Open the %s\\n2. Save", "expected_behavior": "Saved", "actual_behavior": "It %s",
				 "environment": {"os": "Linux", "browser": "Firefox 140"}, "severity": "%s", "priority": "%s",
				 "tags": ["%s"]%s}
				""".formatted(area, symptom, n, area, symptom, area, symptom, SEVERITIES[r.nextInt(SEVERITIES.length)],
				PRIORITIES[r.nextInt(PRIORITIES.length)], TAGS[r.nextInt(TAGS.length)],
				r.nextBoolean() ? ", \"assignee_id\": \"" + userId + "\"" : "");
	}

	static HttpRequest get(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
		if (token != null && path.startsWith("/api/")) {
			b.header("Authorization", "Bearer " + token);
		}
		return b.build();
	}

	static HttpRequest post(String path, String json, String bearer) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			b.header("Authorization", "Bearer " + bearer);
		}
		return b.build();
	}

	static String send(HttpRequest request, int expected) throws Exception {
		HttpResponse<String> response = API.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + abbreviate(response.body()));
		}
		return response.body();
	}

	static String pick(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	/** The first string value of a JSON field (enough for the flat answers read here). */
	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("No \"" + name + "\" in " + abbreviate(json));
		}
		return m.group(1);
	}

	static String abbreviate(String text) {
		return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	static void requireLoopback(String url) throws Exception {
		URI uri = URI.create(url);
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
			throw new IllegalArgumentException("--base must be an http(s) URL, got " + url);
		}
		for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
			if (!address.isLoopbackAddress()) {
				throw new IllegalArgumentException("Refusing to load-test " + uri.getHost()
						+ ": only loopback addresses (localhost, 127.0.0.1, ::1) are allowed");
			}
		}
	}


	/**
	 * A long mixed load: every worker picks its next request from a fixed mix (reads, lists, searches, creates,
	 * comments, small uploads), for {@code seconds} after a 30 s warm-up; latencies and errors are reported per
	 * window (a minute by default), and with {@code --pid} the server's heap after a full GC ({@code jcmd <pid>
	 * GC.run}, then the used size from {@code GC.heap_info}) at the end of every window, to show whether memory grows.
	 */
	static final class Soak {

		/** A kind of request and its share of the mix, in percent. */
		record Kind(String name, int weight, Function<Integer, HttpRequest> request) {
		}

		/** What the workers recorded in one window. */
		static final class Window {

			final List<long[]> latencies = new CopyOnWriteArrayList<>();

			final AtomicLong errors = new AtomicLong();

			final java.util.Map<String, AtomicLong> errorsByKind = new java.util.concurrent.ConcurrentHashMap<>();

			final List<String> firstErrors = new CopyOnWriteArrayList<>();

			volatile String heapMb = "–";

		}

		static void run(String key, String userId, int concurrency, int seconds, int window, String pid,
				List<String> created) throws Exception {
			int highest = highestBugNumber(key);
			Function<Integer, String> anyBug = n -> {
				ThreadLocalRandom r = ThreadLocalRandom.current();
				return highest > 0 && (created.isEmpty() || r.nextInt(4) > 0) ? key + "-" + (1 + r.nextInt(highest))
						: pick(created);
			};
			List<String> filters = List.of("severity=high", "status=open&sort=-priority", "assignee=me", "tag=checkout",
					"q=timeout", "severity=critical,high&status=open&assignee=me&sort=-priority");
			List<String> searches = List.of("/api/projects/" + key + "/search?q=checkout%20timeout",
					"/api/search?q=payment%20severity%3Acritical", "/api/search?limit=8&q=chec", "/api/search?limit=8&q=pay");
			List<Kind> mix = List.of(
					new Kind("read bug", 30, n -> get("/api/bugs/" + anyBug.apply(n))),
					new Kind("list bugs", 22, n -> get("/api/projects/" + key + "/bugs?" + filters.get(n % filters.size()))),
					new Kind("search", 12, n -> get(searches.get(n % searches.size()))),
					new Kind("create bug", 10, n -> post("/api/projects/" + key + "/bugs", newBug(n, userId), token)),
					new Kind("comment", 10, n -> post("/api/bugs/" + anyBug.apply(n) + "/comments",
							"{\"content\": \"Still happens on the " + AREAS[n % AREAS.length] + " (soak " + n + ")\"}", token)),
					new Kind("upload 1-16 KB", 6, n -> upload("/api/bugs/" + anyBug.apply(n) + "/attachments", n)),
					new Kind("read comments", 5, n -> get("/api/bugs/" + anyBug.apply(n) + "/comments")),
					new Kind("read history", 5, n -> get("/api/bugs/" + anyBug.apply(n) + "/history")));
			int warmup = 30;
			int windows = (seconds + window - 1) / window;
			Window[] stats = new Window[windows];
			for (int i = 0; i < windows; i++) {
				stats[i] = new Window();
			}
			java.util.Map<String, List<long[]>> byKind = new java.util.concurrent.ConcurrentHashMap<>();
			String heapBefore = "–";
			System.out.printf("Fixpoint soak against %s: %d workers, %d s warm-up then %d s in %d s windows, mix %s, "
					+ "JDK %s, %d CPUs, load average %s, %s%n%n", base, concurrency, warmup, seconds, window,
					mix.stream().map(k -> k.name() + " " + k.weight() + "%").toList(), Runtime.version(),
					Runtime.getRuntime().availableProcessors(), loadAverage(), Instant.now());
			loop(mix, concurrency, warmup, window, null, null, created); // not reported
			if (pid != null) {
				heapBefore = heapAfterGc(pid);
			}
			long start = System.nanoTime();
			java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
			if (pid != null) {
				for (int i = 0; i < windows; i++) {
					int w = i;
					long at = Math.min((long) (i + 1) * window, seconds) * 1000L - 500;
					sampler.schedule(() -> stats[w].heapMb = heapAfterGc(pid), at, java.util.concurrent.TimeUnit.MILLISECONDS);
				}
			}
			loop(mix, concurrency, seconds, window, stats, byKind, created);
			sampler.shutdown();
			sampler.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
			double total = (System.nanoTime() - start) / 1e9;

			System.out.println("Heap after a full GC before the measured run: " + heapBefore + " MB");
			System.out.println();
			System.out.println("| window | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | heap after GC MB |");
			System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
			long errors = 0;
			for (int i = 0; i < windows; i++) {
				long[] all = stats[i].latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
				double length = Math.min(window, seconds - (double) i * window);
				errors += stats[i].errors.get();
				System.out.printf(Locale.ROOT, "| %d–%d s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d%s | %s |%n",
						i * window, (int) (i * window + length), all.length, all.length / length, ms(all, 0.5), ms(all, 0.9),
						ms(all, 0.99), ms(all, 1.0), stats[i].errors.get(),
						stats[i].errorsByKind.isEmpty() ? "" : " " + stats[i].errorsByKind, stats[i].heapMb);
			}
			System.out.println();
			System.out.println("| request | requests | p50 ms | p99 ms | max ms |");
			System.out.println("|---|---:|---:|---:|---:|");
			for (Kind kind : mix) {
				long[] all = byKind.getOrDefault(kind.name(), List.of()).stream().flatMapToLong(Arrays::stream).sorted().toArray();
				System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", kind.name(), all.length, ms(all, 0.5),
						ms(all, 0.99), ms(all, 1.0));
			}
			System.out.printf(Locale.ROOT, "%nTotal: %d errors in %.0f s; load average at the end %s; project %s has %d new bugs.%n",
					errors, total, loadAverage(), key, created.size());
			for (Window w : stats) {
				w.firstErrors.forEach(e -> System.err.println("Error: " + e));
			}
		}

		/** Workers in a closed loop for {@code seconds}; records into the window each request started in. */
		static void loop(List<Kind> mix, int concurrency, int seconds, int window, Window[] stats,
				java.util.Map<String, List<long[]>> byKind, List<String> created) throws Exception {
			long start = System.nanoTime();
			long deadline = start + seconds * 1_000_000_000L;
			AtomicLong counter = new AtomicLong();
			try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
				for (int w = 0; w < concurrency; w++) {
					workers.submit(() -> {
						int windows = stats == null ? 1 : stats.length;
						long[][] nanos = new long[windows][1024];
						int[] counts = new int[windows];
						java.util.Map<String, long[]> mine = new java.util.HashMap<>();
						java.util.Map<String, Integer> mineCount = new java.util.HashMap<>();
						long t0;
						while ((t0 = System.nanoTime()) < deadline) {
							int n = (int) counter.incrementAndGet();
							Kind kind = choose(mix);
							int slot = (int) Math.min(windows - 1, (t0 - start) / (window * 1_000_000_000L));
							boolean failed = false;
							String error = null;
							try {
								HttpResponse<String> response = API.send(kind.request().apply(n), HttpResponse.BodyHandlers.ofString());
								if (response.statusCode() / 100 != 2) {
									failed = true;
									error = kind.name() + ": " + response.statusCode() + " " + abbreviate(response.body());
								}
								else if (kind.name().equals("create bug")) {
									created.add(field(response.body(), "key"));
								}
							}
							catch (Exception ex) {
								failed = true;
								error = kind.name() + ": " + ex;
							}
							long took = System.nanoTime() - t0;
							if (stats == null) {
								continue;
							}
							if (failed) {
								stats[slot].errors.incrementAndGet();
								stats[slot].errorsByKind.computeIfAbsent(kind.name(), k -> new AtomicLong()).incrementAndGet();
								if (stats[slot].firstErrors.size() < 3) {
									stats[slot].firstErrors.add(error);
								}
							}
							if (counts[slot] == nanos[slot].length) {
								nanos[slot] = Arrays.copyOf(nanos[slot], counts[slot] * 2);
							}
							nanos[slot][counts[slot]++] = took;
							int c = mineCount.merge(kind.name(), 1, Integer::sum);
							long[] k = mine.computeIfAbsent(kind.name(), x -> new long[1024]);
							if (c > k.length) {
								k = Arrays.copyOf(k, k.length * 2);
								mine.put(kind.name(), k);
							}
							k[c - 1] = took;
						}
						if (stats != null) {
							for (int i = 0; i < windows; i++) {
								stats[i].latencies.add(Arrays.copyOf(nanos[i], counts[i]));
							}
							mine.forEach((name, k) -> byKind.computeIfAbsent(name, x -> new CopyOnWriteArrayList<>())
								.add(Arrays.copyOf(k, mineCount.get(name))));
						}
						return null;
					});
				}
			}
		}

		static Kind choose(List<Kind> mix) {
			int r = ThreadLocalRandom.current().nextInt(100);
			for (Kind kind : mix) {
				r -= kind.weight();
				if (r < 0) {
					return kind;
				}
			}
			return mix.get(0);
		}

		/** A small text file (1–16 KB of log lines) as multipart part "file". */
		static HttpRequest upload(String path, int n) {
			String boundary = "----soak" + n;
			StringBuilder log = new StringBuilder();
			int size = 1024 * (1 + ThreadLocalRandom.current().nextInt(16));
			while (log.length() < size) {
				log.append("2026-12-06T10:00:00Z WARN checkout timeout after 30000 ms (request ").append(n).append(")\n");
			}
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"soak-" + n
					+ ".log\"\r\nContent-Type: text/plain\r\n\r\n" + log + "\r\n--" + boundary + "--\r\n";
			return HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}

		/** The number of the project's newest bug, so reads also hit the existing data set. */
		static int highestBugNumber(String key) throws Exception {
			String page = send(get("/api/projects/" + key + "/bugs?sort=-created&limit=1"), 200);
			Matcher m = Pattern.compile("\"key\"\\s*:\\s*\"" + Pattern.quote(key) + "-(\\d+)\"").matcher(page);
			return m.find() ? Integer.parseInt(m.group(1)) : 0;
		}

		/** Used heap in MB right after a full GC of the server (live data), or "?" if jcmd failed. */
		static String heapAfterGc(String pid) {
			try {
				String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
				new ProcessBuilder(jcmd, pid, "GC.run").redirectErrorStream(true).start().waitFor();
				Process info = new ProcessBuilder(jcmd, pid, "GC.heap_info").redirectErrorStream(true).start();
				String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				info.waitFor();
				Matcher m = Pattern.compile("total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K").matcher(out);
				return m.find() ? String.valueOf(Long.parseLong(m.group(1)) / 1024) : "?";
			}
			catch (Exception ex) {
				return "?";
			}
		}

		static String loadAverage() {
			try {
				return String.join(" ", Arrays.copyOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" "), 3));
			}
			catch (Exception ex) {
				return "?";
			}
		}

	}

}
