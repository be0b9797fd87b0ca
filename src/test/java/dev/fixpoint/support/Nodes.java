package dev.fixpoint.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Real Fixpoint processes for the tests of several nodes and of faults (failsafe runs
 * {@code *NodesTest} after {@code package} built the jar): one PostgreSQL and one SMTP
 * server owned by the test, and any number of nodes, each {@code java -jar
 * target/fixpoint-*.jar} on a free port with {@code FIXPOINT_DB_URL} and friends in its
 * environment. The test can stop and start the database (same port, same files) and kill
 * a node with SIGKILL. Each node's output goes to
 * {@code target/nodes/<cluster>/<node>.log} for the post-mortem.
 */
public final class Nodes implements AutoCloseable {

	/** How long a node may take to become ready: generous, the build machine is small. */
	private static final Duration STARTUP = Duration.ofMinutes(3);

	private final Path dir;

	private final int databasePort;

	private final GreenMail mail;

	private final List<Node> nodes = new ArrayList<>();

	private EmbeddedPostgres postgres;

	private Nodes(Path dir) throws IOException {
		this.dir = dir;
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir.resolve("data"));
		this.databasePort = freePort();
		startDatabase();
		this.mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.mail.start();
	}

	/** A database and a mail server for nodes; logs under {@code target/nodes/<name>}. */
	public static Nodes create(String name) {
		try {
			return new Nodes(Paths.get("target", "nodes", name).toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts nodes in parallel and waits until all of them are ready. {@code args} are
	 * Spring Boot command-line properties, e.g. short job intervals.
	 */
	public List<Node> start(int count, String... args) {
		List<Node> started = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			started.add(launch("node-" + (char) ('a' + this.nodes.size()), freePort(), List.of(args)));
		}
		started.forEach(Node::awaitReady);
		return started;
	}

	public Node start(String... args) {
		return start(1, args).get(0);
	}

	private Node launch(String name, int port, List<String> args) {
		Node node = new Node(name, port, args);
		node.launch();
		this.nodes.add(node);
		return node;
	}

	/**
	 * Queries the database directly (a fresh connection each time: survives restarts).
	 */
	public JdbcClient database() {
		return JdbcClient.create(new DriverManagerDataSource(jdbcUrl(), "postgres", "postgres"));
	}

	public GreenMail mail() {
		return this.mail;
	}

	/** A fast shutdown of PostgreSQL: sessions are cut (57P01), the files stay. */
	public void stopDatabase() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts PostgreSQL on the same port with the same files. */
	public void startDatabase() throws IOException {
		// durable like a production server: fsync and synchronous commit on
		this.postgres = EmbeddedPostgres.builder()
			.setPort(this.databasePort)
			.setDataDirectory(this.dir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "120")
			.setServerConfig("unix_socket_directories", "")
			.start();
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.databasePort + "/postgres";
	}

	@Override
	public void close() {
		this.nodes.forEach(Node::kill);
		this.mail.stop();
		stopDatabase();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The packaged application, built by {@code package} before failsafe runs. */
	private static Path jar() {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(Paths.get("target"), "fixpoint-*.jar")) {
			for (Path jar : jars) {
				return jar.toAbsolutePath();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		throw new IllegalStateException("no target/fixpoint-*.jar: run through ./mvnw verify (package builds it)");
	}

	/** One Fixpoint process. */
	public final class Node {

		private final String name;

		private final int port;

		private final List<String> args;

		private Process process;

		private int starts;

		Node(String name, int port, List<String> args) {
			this.name = name;
			this.port = port;
			this.args = args;
		}

		public String name() {
			return this.name;
		}

		public String baseUrl() {
			return "http://127.0.0.1:" + this.port;
		}

		/** Everything the process wrote since its last start. */
		public String log() {
			try {
				return Files.readString(logFile());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public boolean isAlive() {
			return this.process != null && this.process.isAlive();
		}

		/** SIGKILL: no shutdown hook, no graceful end of requests. */
		public void kill() {
			if (this.process != null) {
				this.process.destroyForcibly();
				awaitExit();
			}
		}

		/** Starts the process again (same port, same settings) and waits until ready. */
		public void restart() {
			kill();
			launch();
			awaitReady();
		}

		private Path logFile() {
			return Nodes.this.dir.resolve(this.name + (this.starts > 1 ? "-" + this.starts : "") + ".log");
		}

		void launch() {
			this.starts++;
			List<String> command = new ArrayList<>(
					List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
							"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
			command.addAll(this.args);
			ProcessBuilder builder = new ProcessBuilder(command).directory(Nodes.this.dir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(logFile().toFile());
			builder.environment().putAll(environment());
			try {
				this.process = builder.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private Map<String, String> environment() {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("SERVER_PORT", String.valueOf(this.port));
			env.put("FIXPOINT_DB_URL", jdbcUrl());
			env.put("FIXPOINT_DB_USER", "postgres");
			env.put("FIXPOINT_DB_PASSWORD", "postgres");
			// shared by the nodes like a shared volume: attachments on the filesystem
			env.put("FIXPOINT_DATA_DIR", Nodes.this.dir.resolve("data").toString());
			env.put("FIXPOINT_BASE_URL", baseUrl());
			env.put("FIXPOINT_SMTP_HOST", "127.0.0.1");
			env.put("FIXPOINT_SMTP_PORT", String.valueOf(Nodes.this.mail.getSmtp().getPort()));
			env.put("FIXPOINT_BCRYPT_STRENGTH", "4");
			return env;
		}

		void awaitReady() {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			long deadline = System.nanoTime() + STARTUP.toNanos();
			while (System.nanoTime() < deadline) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException(this.name + " exited with " + this.process.exitValue()
							+ " while starting; log: " + logFile());
				}
				try {
					HttpResponse<Void> health = http
						.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(5))
							.build(), HttpResponse.BodyHandlers.discarding());
					if (health.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
				sleep(Duration.ofMillis(250));
			}
			throw new IllegalStateException(this.name + " not ready after " + STARTUP + "; log: " + logFile());
		}

		private void awaitExit() {
			try {
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
