package dev.fixpoint.platform;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL of a persistent data directory on a thread of its own as
 * soon as the context is created, so the server's start (a process of its own: ~0.5 s on
 * a quiet machine, seconds on a busy one) overlaps with Spring reading and creating the
 * beans instead of following it: {@code DatabaseConfiguration} then finds the server
 * started or waits for it ({@code EmbeddedDatabase.start} is synchronized and starts one
 * server per JVM). Nothing to do with an external database, a throw-away one (tests) or
 * another process's server (backup and restore). A failure here is only logged: the
 * {@code dataSource} bean gets the same failure and fails the start with it.
 */
final class EarlyDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final Logger log = LoggerFactory.getLogger(EarlyDatabaseStart.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!wanted(environment)) {
			return;
		}
		Path dataDir = Binder.get(environment).bind("fixpoint.data-dir", Path.class).orElse(Path.of("./data"));
		Thread.ofPlatform().daemon().name("embedded-postgres-start").start(() -> {
			try {
				DatabaseConfiguration.EmbeddedDatabase.start(dataDir, false);
			}
			catch (Exception ex) {
				log.debug("Early start of the embedded PostgreSQL failed; the data source reports it", ex);
			}
		});
	}

	static boolean wanted(ConfigurableEnvironment environment) {
		Binder binder = Binder.get(environment);
		return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				&& !binder.bind("fixpoint.ephemeral-database", Boolean.class).orElse(false)
				&& !binder.bind("fixpoint.share-running-database", Boolean.class).orElse(false);
	}

}
