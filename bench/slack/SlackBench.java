import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Messages per second the Slack sender sustains. Starts a fake Slack Web API on 127.0.0.1:--slack-port (the app
 * must run with FIXPOINT_SLACK_API_URL=http://127.0.0.1:PORT/api): auth.test names a workspace, chat.postMessage
 * answers a fresh ts at once (or, with --limit-every N, every Nth call 429 with Retry-After: 1), chat.update answers
 * ok. Signs up an admin, connects the workspace with a pasted bot token and signing secret, subscribes --channels
 * channels to every new bug of a project, files --bugs bugs with --concurrency writers and waits for every post;
 * then renames every bug and waits for every edit (chat.update per channel). Reports, per phase, the rate of the
 * writes, the overall message rate (first write to last message) and the drain rate: messages per second after the
 * last write was answered, when only the outbox's network workers are sending; and whether any (bug, channel) was
 * posted twice.
 *
 * bench/slack/run.sh (compiles this with bench/common: bench/lib.sh's run_bench), which runs
 * SlackBench --base http://127.0.0.1:8080 --slack-port 9999 [--bugs 300] [--channels 3]
 *     [--concurrency 8] [--limit-every 0]
 */
public class SlackBench {

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern SLUG = Pattern.compile("\"slug\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([A-Z0-9]+-[0-9]+)\"");

	static final Pattern CHANNEL = Pattern.compile("\"channel\":\"([A-Z0-9]+)\"");

	static final Pattern TEXT_KEY = Pattern.compile("\"text\":\"([A-Z0-9]+-[0-9]+):");

	static final AtomicInteger posts = new AtomicInteger();

	static final AtomicInteger updates = new AtomicInteger();

	static final AtomicInteger limited = new AtomicInteger();

	static final AtomicInteger calls = new AtomicInteger();

	static final AtomicLong lastAt = new AtomicLong();

	static final Map<String, AtomicInteger> postedOnce = new ConcurrentHashMap<>();

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.arg(args, "--base", "http://127.0.0.1:8080");
		int slackPort = Integer.parseInt(BenchHttp.arg(args, "--slack-port", "0"));
		int bugs = Integer.parseInt(BenchHttp.arg(args, "--bugs", "300"));
		int channels = Integer.parseInt(BenchHttp.arg(args, "--channels", "3"));
		int concurrency = Integer.parseInt(BenchHttp.arg(args, "--concurrency", "8"));
		int limitEvery = Integer.parseInt(BenchHttp.arg(args, "--limit-every", "0"));

		HttpServer slack = BenchHttp.receiver(slackPort, "/api/", exchange -> answer(exchange, limitEvery));

		String unique = UUID.randomUUID().toString().substring(0, 8);
		String token = BenchHttp.match(TOKEN, BenchHttp.send("POST", base + "/api/auth/signup", null, """
				{"email": "slack-%s@bench.fixpoint.test", "password": "bench-password-123", "name": "Bench", "username": "slack-%s"}
				""".formatted(unique, unique)));
		String org = BenchHttp.match(SLUG, BenchHttp.send("GET", base + "/api/me", token, null));
		BenchHttp.send("PUT", base + "/api/orgs/" + org + "/integrations/slack", token,
				"{\"bot_token\": \"xoxb-bench-0123456789abcdef\", \"signing_secret\": \"benchsigningsecret0123456789abcd\"}");
		String project = "SB" + unique.substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "X");
		BenchHttp.send("POST", base + "/api/projects", token, "{\"name\": \"Slack bench\", \"key\": \"" + project + "\"}");
		for (int i = 0; i < channels; i++) {
			BenchHttp.send("POST", base + "/api/projects/" + project + "/integrations/slack/subscriptions", token,
					"{\"channel_id\": \"C0BENCH%03d\", \"events\": [\"bug.created\"], \"severities\": []}".formatted(i));
		}

		ExecutorService writers = Executors.newFixedThreadPool(concurrency);
		List<String> keys = new ArrayList<>();
		Phase filing = run(writers, bugs, channels, posts, n -> BenchHttp.send("POST", base + "/api/projects/" + project + "/bugs",
				token, "{\"title\": \"Bench bug " + n + "\", \"severity\": \"high\"}"), keys);
		Phase editing = run(writers, bugs, channels, updates, n -> BenchHttp.send("PATCH", base + "/api/bugs/" + keys.get(n),
				token, "{\"title\": \"Bench bug " + n + ", renamed\"}"), null);
		writers.shutdown();
		slack.stop(0);

		long twice = postedOnce.values().stream().filter(c -> c.get() > 1).count();
		System.out.printf("Network workers: FIXPOINT_OUTBOX_NETWORK_WORKERS=%s (default 4); 429 every %s calls%n",
				System.getenv().getOrDefault("FIXPOINT_OUTBOX_NETWORK_WORKERS", "unset"),
				limitEvery == 0 ? "no" : Integer.toString(limitEvery));
		System.out.printf("| phase | bugs | channels | messages | writes | all sent after | overall | drain (after the last write) |%n");
		System.out.printf("|---|---:|---:|---:|---:|---:|---:|---:|%n");
		filing.print("post (chat.postMessage)", bugs, channels);
		editing.print("edit (chat.update)", bugs, channels);
		System.out.printf("429 answered: %d; (bug, channel) posted more than once: %d; Slack calls in all: %d%n",
				limited.get(), twice, calls.get());
		boolean complete = filing.messages == (long) bugs * channels && editing.messages == (long) bugs * channels;
		System.exit(complete && twice == 0 ? 0 : 1);
	}

	interface Write {

		String apply(int n);

	}

	record Phase(long start, long writtenAt, long end, int atWritten, int messages, int writes) {

		void print(String name, int bugs, int channels) {
			double writeS = (this.writtenAt - this.start) / 1e9;
			double totalS = (this.end - this.start) / 1e9;
			double drainS = (this.end - this.writtenAt) / 1e9;
			int drained = this.messages - this.atWritten;
			System.out.printf("| %s | %d | %d | %d of %d | %.1f/s | %.1f s | %.0f messages/s | %d in %.1f s: %.0f messages/s |%n",
					name, bugs, channels, this.messages, bugs * channels, this.writes / writeS, totalS,
					this.messages / totalS, drained, drainS, drainS > 0 ? drained / drainS : Double.NaN);
		}

	}

	static Phase run(ExecutorService writers, int count, int channels, AtomicInteger counter, Write write,
			List<String> keys) throws Exception {
		int before = counter.get();
		long start = System.nanoTime();
		List<Future<String>> done = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			done.add(writers.submit(() -> write.apply(n)));
		}
		for (Future<String> f : done) {
			String body = f.get();
			if (keys != null) {
				keys.add(BenchHttp.match(KEY, body));
			}
		}
		long writtenAt = System.nanoTime();
		int atWritten = counter.get() - before;
		int expected = count * channels;
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (counter.get() - before < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return new Phase(start, writtenAt, lastAt.get(), atWritten, counter.get() - before, count);
	}

	static void answer(HttpExchange exchange, int limitEvery) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/api/".length());
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		int n = calls.incrementAndGet();
		String json;
		switch (method) {
			case "auth.test" -> json = "{\"ok\":true,\"team_id\":\"TBENCH01\",\"team\":\"Bench\",\"user_id\":\"UBOT01\"}";
			case "chat.postMessage" -> {
				if (limitEvery > 0 && n % limitEvery == 0) {
					limited.incrementAndGet();
					exchange.getResponseHeaders().add("Retry-After", "1");
					BenchHttp.respond(exchange, 429, null);
					return;
				}
				String id = BenchHttp.find(TEXT_KEY, body) + " " + BenchHttp.find(CHANNEL, body);
				postedOnce.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
				json = "{\"ok\":true,\"channel\":\"" + BenchHttp.find(CHANNEL, body) + "\",\"ts\":\"1700000000." + n + "\"}";
				lastAt.set(System.nanoTime());
				posts.incrementAndGet();
			}
			case "chat.update" -> {
				json = "{\"ok\":true}";
				lastAt.set(System.nanoTime());
				updates.incrementAndGet();
			}
			default -> json = "{\"ok\":true}";
		}
		BenchHttp.respond(exchange, 200, json);
	}

}
