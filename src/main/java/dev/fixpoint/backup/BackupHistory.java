package dev.fixpoint.backup;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The backups taken of this installation (each {@code backup} command's record). */
@Service
public class BackupHistory {

	/** A finished backup: when, which archive, its size and how many rows it holds. */
	public record BackupRun(Instant finishedAt, String archive, long bytes, long rows) {
	}

	private final JdbcClient jdbc;

	BackupHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Optional<BackupRun> last() {
		return this.jdbc
			.sql("select finished_at, archive, bytes, rows from backup_runs order by finished_at desc limit 1")
			.query((rs, n) -> new BackupRun(rs.getTimestamp("finished_at").toInstant(), rs.getString("archive"),
					rs.getLong("bytes"), rs.getLong("rows")))
			.optional();
	}

}
