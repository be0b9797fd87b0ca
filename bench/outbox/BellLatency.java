import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time from filing a bug to its notification in the assignee's notification API, under
 * filing load. Writers (an admin) file bugs assigned to a developer as fast as they can;
 * the developer polls GET /api/notifications every --poll-ms. Per bug: "from send" is the
 * time from sending the filing request to the first poll that shows its notification (an
 * upper bound: it includes the filing's own response time and up to one poll interval),
 * "from answer" the same from the moment the filing was answered (after its commit).
 *
 * java bench/outbox/BellLatency.java --base http://127.0.0.1:8080 [--seconds 20]
 * [--concurrency 8] [--poll-ms 20] [--warmup 10] (the warm-up files the same way,
 * unmeasured)
 */
public class BellLatency {

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern ID = Pattern.compile("\"user\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([A-Z0-9]+-\\d+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> opts = new java.util.HashMap<>(
				Map.of("--base", "http://127.0.0.1:8080", "--seconds", "20", "--concurrency", "8", "--poll-ms", "20", "--warmup", "10"));
		for (int i = 0; i + 1 < args.length; i += 2) {
			opts.put(args[i], args[i + 1]);
		}
		String base = opts.get("--base");
		int seconds = Integer.parseInt(opts.get("--seconds"));
		int writers = Integer.parseInt(opts.get("--concurrency"));
		long pollMs = Long.parseLong(opts.get("--poll-ms"));
		int warmup = Integer.parseInt(opts.get("--warmup"));

		String[] admin = signup(base, "admin");
		String[] dev = signup(base, "dev");
		String project = "B" + Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits()), 36)
			.toUpperCase()
			.substring(0, 6);
		send(base, "POST", "/api/projects", admin[1],
				"{\"name\":\"Bell " + project + "\",\"key\":\"" + project + "\"}", 201);
		send(base, "POST", "/api/projects/" + project + "/members", admin[1],
				"{\"username\":\"" + dev[2] + "\",\"role\":\"developer\"}", 201);

		Map<String, long[]> filed = new ConcurrentHashMap<>(); // key -> {sent, answered}
		Map<String, Long> seen = new ConcurrentHashMap<>();
		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
		pool.submit(() -> watch(base, dev[1], pollMs, seen, running));
		long measureFrom = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
		long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
		for (int w = 0; w < writers; w++) {
			int writer = w;
			pool.submit(() -> {
				for (int i = 0; System.nanoTime() < end; i++) {
					long sent = System.nanoTime();
					String body = send(base, "POST", "/api/projects/" + project + "/bugs", admin[1],
							"{\"title\":\"Bell " + writer + "-" + i + "\",\"severity\":\"medium\",\"assignee_id\":\""
									+ dev[0] + "\"}",
							201);
					long answered = System.nanoTime();
					Matcher m = KEY.matcher(body);
					if (m.find() && sent >= measureFrom) {
						filed.put(m.group(1), new long[] { sent, answered });
					}
				}
				return null;
			});
		}
		Thread.sleep(Duration.ofSeconds((long) warmup + seconds));
		long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (seen.keySet().containsAll(filed.keySet()) == false && System.nanoTime() < drainUntil) {
			Thread.sleep(50);
		}
		running.set(false);
		pool.shutdown();
		report(seconds, writers, pollMs, filed, seen);
	}

	static void report(int seconds, int writers, long pollMs, Map<String, long[]> filed, Map<String, Long> seen) {
		List<Double> fromSend = new ArrayList<>();
		List<Double> fromAnswer = new ArrayList<>();
		int missing = 0;
		for (Map.Entry<String, long[]> f : filed.entrySet()) {
			Long at = seen.get(f.getKey());
			if (at == null) {
				missing++;
				continue;
			}
			fromSend.add((at - f.getValue()[0]) / 1e6);
			fromAnswer.add(Math.max(0, at - f.getValue()[1]) / 1e6);
		}
		System.out.printf("%d bugs filed in %d s by %d writers (%.0f/s); %d notifications seen, %d missing%n",
				filed.size(), seconds, writers, filed.size() / (double) seconds, fromSend.size(), missing);
		System.out.printf("| bell latency (ms, poll every %d ms) | p50 | p90 | p99 | max |%n|---|---:|---:|---:|---:|%n",
				pollMs);
		row("from sending the filing", fromSend);
		row("from its answer (after commit)", fromAnswer);
	}

	static void row(String what, List<Double> values) {
		Collections.sort(values);
		System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f |%n", what, pct(values, 50), pct(values, 90),
				pct(values, 99), values.isEmpty() ? 0 : values.get(values.size() - 1));
	}

	static double pct(List<Double> sorted, int p) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	/** Polls the newest notifications; records when each bug's first shows up. */
	static Void watch(String base, String token, long pollMs, Map<String, Long> seen, AtomicBoolean running)
			throws Exception {
		while (running.get()) {
			String body = send(base, "GET", "/api/notifications?limit=100", token, null, 200);
			long now = System.nanoTime();
			Matcher m = KEY.matcher(body);
			while (m.find()) {
				seen.putIfAbsent(m.group(1), now);
			}
			Thread.sleep(pollMs);
		}
		return null;
	}

	static String[] signup(String base, String prefix) throws Exception {
		String unique = prefix + UUID.randomUUID().toString().substring(0, 8);
		String body = send(base, "POST", "/api/auth/signup", null, "{\"email\":\"" + unique
				+ "@bench.test\",\"password\":\"a-long-enough-password\",\"name\":\"" + prefix + "\",\"username\":\""
				+ unique + "\"}", 201);
		Matcher token = TOKEN.matcher(body);
		Matcher id = ID.matcher(body);
		if (!token.find() || !id.find()) {
			throw new IllegalStateException("signup: " + body);
		}
		return new String[] { id.group(1), token.group(1), unique };
	}

	static String send(String base, String method, String path, String token, String json, int expected)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (expected > 0 && response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

}
