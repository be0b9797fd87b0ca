package dev.fixpoint.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while the sentence model runs: the process ends as a stopped JVM does (exit
 * code 143, no {@code hs_err} file) and its embedded PostgreSQL is shut down cleanly
 * ({@code pg_control} says "shut down": the next start needs no crash recovery), whether
 * the stop comes while the model loads, while the embedding backfill embeds, or while the
 * outbox's slow lane embeds new filings and requests ask for duplicates. ONNX Runtime's
 * own shutdown hook used to free its environment under a running batch: the JVM died of
 * SIGSEGV and PostgreSQL was never stopped ({@code triage.OrtEnvironmentHold}).
 * <p>
 * One real process of the packaged jar with its own data directory (unlike
 * {@code support.Nodes}, whose nodes share a database the test owns).
 */
class ShutdownNodesTest {

	/** Bugs filed with the model off: the backfill's work at each start with it on. */
	private static final int BUGS = 300;

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private static final String DESCRIPTION = "After the upgrade the export of the weekly report stops half way; "
			+ "the log shows a timeout talking to the storage service, and retrying from the page does the same. "
			+ "It happens for every project with more than a few hundred bugs.";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Path dir = Paths.get("target", "nodes", "shutdown").toAbsolutePath();

	private final int port = freePort();

	private Process process;

	private int starts;

	@Test
	void aStopWhileTheModelRunsEndsNormallyAndStopsPostgresCleanly() throws Exception {
		FileSystemUtils.deleteRecursively(this.dir);
		Files.createDirectories(this.dir.resolve("data"));
		Api api = new Api("http://127.0.0.1:" + this.port, this.json);
		try {
			start("--fixpoint.triage.enabled=false");
			TestUser admin = api.newUser("Admin");
			String project = api.newProject(admin).get("key").asString();
			fileBugs(api, admin, project, BUGS);
			stopAndAssertClean();

			// while the backfill embeds (first, while it has work: a stop ends it after
			// the batch under way, but on a fast machine a few batches may do all)
			start();
			awaitEmbedding(api, admin, project);
			stopAndAssertClean();

			// while the model loads (the backfill's first batch, a second after the
			// start), if the backfill has work left
			start();
			Thread.sleep(1_000);
			stopAndAssertClean();

			// while filings are embedded by the slow lane and requests embed their query
			// (the backfill may have little left: the filings load the model)
			start();
			AtomicBoolean stopped = new AtomicBoolean();
			ExecutorService load = Executors.newFixedThreadPool(2);
			load.submit(() -> untilStopped(stopped, () -> api.newBug(admin, project, "Export stops half way", "high")));
			load.submit(() -> untilStopped(stopped,
					() -> api.get(
							"/api/projects/" + project
									+ "/bugs/similar?title=Export+stops&description=timeout+talking+to+storage",
							admin.token())));
			awaitModel();
			Thread.sleep(2_000);
			stopAndAssertClean();
			stopped.set(true);
			load.shutdown();
			assertThat(load.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		}
		finally {
			if (this.process != null && this.process.isAlive()) {
				this.process.destroyForcibly();
			}
		}
	}

	private void fileBugs(Api api, TestUser admin, String project, int count) throws Exception {
		ExecutorService filers = Executors.newFixedThreadPool(4);
		List<java.util.concurrent.Future<?>> filed = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			filed.add(filers.submit(() -> {
				Api.Response r = api.post("/api/projects/" + project + "/bugs", admin.token(),
						Api.body("title", "Report " + n + ": export stops half way", "severity", "high", "description",
								DESCRIPTION + " Seen " + n + " times."));
				assertThat(r.status()).as(r.raw()).isEqualTo(201);
			}));
		}
		for (java.util.concurrent.Future<?> f : filed) {
			f.get();
		}
		filers.shutdown();
	}

	/** Waits until the model is loaded and the backfill has embedded more than before. */
	private void awaitEmbedding(Api api, TestUser admin, String project) throws InterruptedException {
		long before = embedded(api, admin, project);
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (log().contains("Sentence model all-MiniLM-L6-v2-q loaded") && embedded(api, admin, project) > before) {
				return;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the backfill embedded nothing; log: " + logFile());
	}

	private void awaitModel() throws InterruptedException {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (!log().contains("Sentence model all-MiniLM-L6-v2-q loaded")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the model never loaded; log: " + logFile());
			}
			Thread.sleep(200);
		}
	}

	private static long embedded(Api api, TestUser admin, String project) {
		return api.get("/api/projects/" + project + "/triage", admin.token())
			.body()
			.get("progress")
			.get("embedded")
			.asLong();
	}

	private static void untilStopped(AtomicBoolean stopped, Runnable request) {
		while (!stopped.get()) {
			try {
				request.run();
			}
			catch (RuntimeException ex) {
				// the application is stopping
			}
		}
	}

	private void start(String... args) throws IOException {
		this.starts++;
		List<String> command = new ArrayList<>(List.of(
				Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-XX:ErrorFile=" + this.dir.resolve("hs_err_pid%p.log"), "-jar",
				jar().toString(), "--fixpoint.backfill.initial-delay=PT1S"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile().toFile());
		builder.environment().put("SERVER_PORT", String.valueOf(this.port));
		builder.environment().put("FIXPOINT_DATA_DIR", this.dir.resolve("data").toString());
		builder.environment().put("FIXPOINT_BASE_URL", "http://127.0.0.1:" + this.port);
		builder.environment().put("FIXPOINT_BCRYPT_STRENGTH", "4");
		builder.environment().put("FIXPOINT_DEMO", "false");
		this.process = builder.start();
		awaitReady();
	}

	/**
	 * SIGTERM; the JVM exits with 143 (128 + 15) as any stopped JVM does, leaves no crash
	 * report, and its embedded PostgreSQL was shut down.
	 */
	private void stopAndAssertClean() throws Exception {
		this.process.destroy(); // SIGTERM
		assertThat(this.process.waitFor(3, TimeUnit.MINUTES)).as("exited; log: " + logFile()).isTrue();
		assertThat(this.process.exitValue()).as("exit code; log: " + logFile()).isEqualTo(143);
		try (DirectoryStream<Path> crashes = Files.newDirectoryStream(this.dir, "hs_err_pid*.log")) {
			assertThat(crashes).as("JVM crash reports").isEmpty();
		}
		Path postgres = this.dir.resolve("data").resolve("postgres");
		assertThat(postgres.resolve("postmaster.pid")).doesNotExist();
		assertThat(clusterState(postgres)).as("pg_control's cluster state (1: shut down)").isEqualTo(1);
	}

	/**
	 * The {@code state} field of {@code global/pg_control} (what {@code pg_controldata}
	 * prints as "Database cluster state"), after the system identifier and two version
	 * numbers: 1 is "shut down", 6 "in production" (still running, or not stopped).
	 */
	private static int clusterState(Path postgres) throws IOException {
		byte[] control = Files.readAllBytes(postgres.resolve("global").resolve("pg_control"));
		return ByteBuffer.wrap(control, 16, 4).order(ByteOrder.nativeOrder()).getInt();
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(this.process.isAlive()).as("started; log: " + logFile()).isTrue();
			try {
				HttpResponse<Void> health = http.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
				Thread.sleep(250);
			}
			catch (IOException ex) {
				sleepQuietly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("not ready after " + STARTUP + "; log: " + logFile());
	}

	private static void sleepQuietly() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Path logFile() {
		return this.dir.resolve("app-" + this.starts + ".log");
	}

	private String log() {
		try {
			return Files.readString(logFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path jar() throws IOException {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Paths.get("target"), "fixpoint-*.jar")) {
			for (Path jar : jars) {
				return jar.toAbsolutePath();
			}
		}
		throw new IllegalStateException("no target/fixpoint-*.jar: run through ./mvnw verify (package builds it)");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
