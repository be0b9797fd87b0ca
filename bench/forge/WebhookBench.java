import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Deliveries per second through POST /api/webhooks/github: signs up, creates a project, links a repository through
 * PATCH /api/projects/{id}, files bugs, then sends GitHub's merged pull request example (about 25 KB), each with a
 * new delivery id and "Fixes KEY-n" in its title (n cycles over the bugs), signed with HMAC-SHA256, from
 * `concurrency` clients for `seconds` after a warm-up. Every answer must be 200 (applied).
 */
public class WebhookBench {

	public static void main(String[] args) throws Exception {
		String base = arg(args, "--base", "http://127.0.0.1:8080");
		int seconds = Integer.parseInt(arg(args, "--seconds", "20"));
		int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
		int concurrency = Integer.parseInt(arg(args, "--concurrency", "8"));
		int bugs = Integer.parseInt(arg(args, "--bugs", "200"));
		String template = Files.readString(Path.of(arg(args, "--payload", "")));
		HttpClient http = HttpClient.newHttpClient();
		String unique = UUID.randomUUID().toString().substring(0, 8);
		String token = field(post(http, base + "/api/auth/signup", null, """
				{"email":"bench-%s@example.com","password":"a-long-enough-password","name":"Bench","username":"bench-%s"}
				""".formatted(unique, unique)), "token");
		String key = "WH" + (int) (Math.random() * 9000 + 1000);
		post(http, base + "/api/projects", token, "{\"name\":\"Webhook bench\",\"key\":\"" + key + "\"}");
		String secret = "bench-secret-" + unique;
		String repo = "bench-org/" + key.toLowerCase();
		send(http, "PATCH", base + "/api/projects/" + key, token,
				"{\"github_repo\":\"" + repo + "\",\"github_webhook_secret\":\"" + secret + "\"}");
		for (int i = 0; i < bugs; i++) {
			post(http, base + "/api/projects/" + key + "/bugs", token,
					"{\"title\":\"Bug " + i + "\",\"severity\":\"medium\"}");
		}
		String payload = template.replace("Codertocat/Hello-World", repo)
			.replace("\"merged\": false", "\"merged\": true");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		System.out.printf("Project %s, %d bugs, payload %d bytes, %d clients%n", key, bugs, payload.length(),
				concurrency);
		run(http, base, payload, key, secret, bugs, concurrency, warmup, "warm-up");
		run(http, base, payload, key, secret, bugs, concurrency, seconds, "measured");
	}

	static void run(HttpClient http, String base, String payload, String key, String secret, int bugs,
			int concurrency, int seconds, String label) throws Exception {
		AtomicLong ok = new AtomicLong(), failed = new AtomicLong(), n = new AtomicLong();
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
			for (int c = 0; c < concurrency; c++) {
				pool.submit(() -> {
					try {
						Mac mac = Mac.getInstance("HmacSHA256");
						mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
						while (System.nanoTime() < end) {
							long i = n.incrementAndGet();
							String body = payload.replace("Update the README with new information.",
									"Fixes " + key + "-" + (1 + i % bugs));
							byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
							String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes));
							HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/webhooks/github"))
								.header("Content-Type", "application/json")
								.header("X-GitHub-Event", "pull_request")
								.header("X-GitHub-Delivery", UUID.randomUUID().toString())
								.header("X-Hub-Signature-256", signature)
								.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
								.build();
							HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
							(r.statusCode() == 200 && r.body().contains("applied") ? ok : failed).incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
						ex.printStackTrace();
					}
					return null;
				});
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf("%-9s %6d deliveries in %.1f s: %.0f/s (%d not applied)%n", label, ok.get(), elapsed,
				ok.get() / elapsed, failed.get());
	}

	static String post(HttpClient http, String url, String token, String json) throws Exception {
		return send(http, "POST", url, token, json);
	}

	static String send(HttpClient http, String method, String url, String token, String json) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() >= 300) {
			throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
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

	static String arg(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

}
