import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Deliveries per second the webhook sender sustains. Starts a receiver on 127.0.0.1 (answers 204 at once),
 * signs up an admin, adds --hooks webhooks to it for bug.created, files --bugs bugs with --concurrency writers,
 * and waits until every delivery arrived. Reports the filing rate, the overall delivery rate (first filing to
 * last delivery) and the drain rate: deliveries per second after the last filing was answered, when only the
 * outbox's network workers (fixpoint.outbox.network-workers, 4 per node) are sending. The app must run with
 * FIXPOINT_WEBHOOK_ALLOW_PRIVATE=true.
 *
 * bench/webhooks/run.sh (compiles this with bench/common: bench/lib.sh's run_bench), which runs
 * WebhookBench --base http://127.0.0.1:8080 [--bugs 400] [--hooks 4] [--concurrency 8]
 */
public class WebhookBench {

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([A-Z0-9]+)\"");

	public static void main(String[] args) throws Exception {
		String base = BenchHttp.arg(args, "--base", "http://127.0.0.1:8080");
		int bugs = Integer.parseInt(BenchHttp.arg(args, "--bugs", "400"));
		int hooks = Integer.parseInt(BenchHttp.arg(args, "--hooks", "4"));
		int concurrency = Integer.parseInt(BenchHttp.arg(args, "--concurrency", "8"));
		int expected = bugs * hooks;

		AtomicInteger received = new AtomicInteger();
		java.util.Set<String> deliveries = java.util.concurrent.ConcurrentHashMap.newKeySet();
		AtomicInteger twice = new AtomicInteger();
		AtomicLong lastAt = new AtomicLong();
		HttpServer receiver = BenchHttp.receiver(0, "/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			if (!deliveries.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Fixpoint-Delivery")))) {
				twice.incrementAndGet();
			}
			BenchHttp.respond(exchange, 204, null);
			received.incrementAndGet();
			lastAt.set(System.nanoTime());
		});
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

		String unique = UUID.randomUUID().toString().substring(0, 8);
		String token = BenchHttp.match(TOKEN, BenchHttp.send("POST", base + "/api/auth/signup", null, """
				{"email": "hooks-%s@bench.fixpoint.test", "password": "bench-password-123", "name": "Bench", "username": "hooks-%s"}
				""".formatted(unique, unique)));
		String key = "WH" + unique.substring(0, 4).toUpperCase().replaceAll("[^A-Z0-9]", "X");
		BenchHttp.match(KEY, BenchHttp.send("POST", base + "/api/projects", token, "{\"name\": \"Webhook bench\", \"key\": \"" + key + "\"}"));
		for (int i = 0; i < hooks; i++) {
			BenchHttp.send("POST", base + "/api/projects/" + key + "/webhooks", token,
					"{\"url\": \"" + url + "?n=" + i + "\", \"events\": [\"bug.created\"]}");
		}

		ExecutorService writers = Executors.newFixedThreadPool(concurrency);
		long start = System.nanoTime();
		List<Future<?>> filed = new ArrayList<>();
		for (int i = 0; i < bugs; i++) {
			int n = i;
			filed.add(writers.submit(() -> BenchHttp.send("POST", base + "/api/projects/" + key + "/bugs", token,
					"{\"title\": \"Bench bug " + n + "\", \"severity\": \"medium\"}")));
		}
		for (Future<?> f : filed) {
			f.get();
		}
		long filedAt = System.nanoTime();
		int atFiled = received.get();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (received.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		long end = lastAt.get();
		writers.shutdown();
		receiver.stop(0);

		double filingS = (filedAt - start) / 1e9;
		double totalS = (end - start) / 1e9;
		double drainS = (end - filedAt) / 1e9;
		System.out.printf("| bugs filed | webhooks | deliveries | filing | all delivered after | overall | drain (after the last filing) |%n");
		System.out.printf("|---:|---:|---:|---:|---:|---:|---:|%n");
		System.out.printf("| %d | %d | %d of %d | %.1f bugs/s | %.1f s | %.0f deliveries/s | %d in %.1f s: %.0f deliveries/s |%n",
				bugs, hooks, received.get(), expected, bugs / filingS, totalS, received.get() / totalS,
				received.get() - atFiled, drainS, drainS > 0 ? (received.get() - atFiled) / drainS : Double.NaN);
		System.out.printf("Received twice (same X-Fixpoint-Delivery): %d%n", twice.get());
		System.exit(received.get() == expected && twice.get() == 0 ? 0 : 1);
	}

}
