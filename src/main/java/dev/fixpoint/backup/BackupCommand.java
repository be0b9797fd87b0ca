package dev.fixpoint.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar fixpoint.jar backup --to FILE} and {@code restore --from FILE}: the
 * application starts with the server's configuration (database, attachment store) but
 * without listening on a port, scheduled jobs or migrations, does the one thing and
 * exits: 0 when done, 1 when refused or failed, 2 on bad arguments, with a one-line
 * message.
 */
public final class BackupCommand {

	/**
	 * What a command does not start: listening ports, migrations, the demo, scheduled
	 * jobs (also Spring Session's cleanup); and it shares the embedded PostgreSQL a
	 * running server on the same data directory serves.
	 */
	private static final Map<String, Object> COMMAND_PROPERTIES = Map.ofEntries(Map.entry("server.port", "-1"),
			Map.entry("management.server.port", "-1"), Map.entry("spring.flyway.enabled", "false"),
			Map.entry("fixpoint.demo", "false"), Map.entry("fixpoint.scheduled-jobs", "false"),
			Map.entry("spring.session.jdbc.cleanup-cron", "-"), Map.entry("fixpoint.share-running-database", "true"),
			Map.entry("springdoc.api-docs.enabled", "false"), Map.entry("springdoc.swagger-ui.enabled", "false"),
			Map.entry("logging.level.root", "warn"));

	private BackupCommand() {
	}

	/** Whether the arguments ask for a backup or a restore rather than the server. */
	public static boolean isCommand(String[] args) {
		return CommandLine.names(args);
	}

	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		CommandLine command;
		try {
			command = CommandLine.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("fixpoint " + args[0] + ": " + ex.getMessage() + " (" + CommandLine.USAGE + ")");
			return 2;
		}
		if (command.restore() && !Files.isRegularFile(command.archive())) {
			err.println("fixpoint restore: " + command.archive() + ": no such file");
			return 1;
		}
		if (!command.restore() && Files.exists(command.archive())) {
			err.println("fixpoint backup: " + command.archive() + " already exists; choose another name");
			return 1;
		}
		try (ConfigurableApplicationContext context = start(application)) {
			Backups backups = context.getBean(Backups.class);
			long started = System.nanoTime();
			Manifest manifest = command.restore() ? backups.restore(command.archive(), command.force())
					: backups.backup(command.archive());
			out.printf("fixpoint %s: %s %s: schema %s, %d tables, %d rows, %d objects (%d bytes)%s in %d ms%n",
					command.mode(), command.restore() ? "restored from" : "wrote", command.archive(),
					manifest.schemaVersion(), manifest.tables().size(), manifest.rows(), manifest.objects().size(),
					manifest.objectBytes(),
					manifest.missingObjects().isEmpty() ? ""
							: ", " + manifest.missingObjects().size() + " referenced objects missing from the store",
					(System.nanoTime() - started) / 1_000_000);
			return 0;
		}
		catch (Exception ex) {
			err.println("fixpoint " + command.mode() + ": " + reason(ex));
			return 1;
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application) {
		// the security chains need a web application context: it is created, but port -1
		// keeps the server from listening (and the management server too)
		return new SpringApplicationBuilder(application).bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.profiles("cli")
			.properties(COMMAND_PROPERTIES)
			.run();
	}

	/**
	 * One line: the operator's message when the command refused, else the innermost
	 * cause.
	 */
	static String reason(Throwable ex) {
		Throwable root = ex;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof BackupRefusedException) {
				return t.getMessage();
			}
			root = t;
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName()
				: root.getClass().getSimpleName() + ": " + root.getMessage();
		return message.lines().findFirst().orElse(message);
	}

}
