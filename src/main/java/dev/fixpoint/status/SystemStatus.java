package dev.fixpoint.status;

import java.time.Instant;
import java.util.List;

import dev.fixpoint.backup.BackupHistory.BackupRun;

/**
 * How the installation is doing, for its site admins.
 *
 * @param outboxBacklog deliveries of the transactional outbox not done yet (null: not
 * measured)
 * @param outboxOldestSeconds age of the oldest of them
 * @param emailBacklog emails waiting to be sent
 * @param lastBackup null when no backup was recorded
 * @param nodes the application instances connected to the database
 */
public record SystemStatus(String version, Instant startedAt, long uptimeSeconds, String databaseVersion,
		long databaseBytes, Long outboxBacklog, Long outboxOldestSeconds, Long emailBacklog, BackupRun lastBackup,
		List<DatabaseClient> nodes, long people, long organizations, long projects, long bugs) {

	/** An address connected to the database with this application's name. */
	public record DatabaseClient(String address, String application, int connections, Instant since) {
	}

}
