package dev.fixpoint.status;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.fixpoint.accounts.SiteAdmin;
import dev.fixpoint.backup.BackupHistory;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the system status (site admins only: 403 for everyone else). */
@Service
public class SystemStatuses {

	private final SiteAdmin admins;

	private final BackupHistory backups;

	private final MeterRegistry meters;

	private final JdbcClient jdbc;

	private final Clock clock;

	SystemStatuses(SiteAdmin admins, BackupHistory backups, MeterRegistry meters, JdbcClient jdbc, Clock clock) {
		this.admins = admins;
		this.backups = backups;
		this.meters = meters;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public SystemStatus read(CurrentUser admin) {
		this.admins.require(admin);
		Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
		String version = SystemStatuses.class.getPackage().getImplementationVersion();
		Counts counts = this.jdbc.sql("""
				select pg_database_size(current_database()) as bytes, current_setting('server_version') as version,
				    (select count(*) from users where kind = 'person' and deleted_at is null) as people,
				    (select count(*) from organizations) as organizations,
				    (select count(*) from projects) as projects,
				    (select reltuples::bigint from pg_class where oid = 'bugs'::regclass) as bugs
				""")
			.query((rs, n) -> new Counts(rs.getLong("bytes"), rs.getString("version"), rs.getLong("people"),
					rs.getLong("organizations"), rs.getLong("projects"), Math.max(0, rs.getLong("bugs"))))
			.single();
		return new SystemStatus(version == null ? "development" : version, started,
				Math.abs(Duration.between(started, Times.now(this.clock)).toSeconds()), counts.version(),
				counts.bytes(), gauge("fixpoint.outbox.depth"), gauge("fixpoint.outbox.oldest.age"),
				gauge("fixpoint.email.outbox.depth"), this.backups.last().orElse(null), nodes(), counts.people(),
				counts.organizations(), counts.projects(), counts.bugs());
	}

	private record Counts(long bytes, String version, long people, long organizations, long projects, long bugs) {
	}

	private List<SystemStatus.DatabaseClient> nodes() {
		return this.jdbc
			.sql("""
					select coalesce(host(client_addr), 'local socket') as address, application_name, count(*) as connections,
					    min(backend_start) as since
					from pg_stat_activity where datname = current_database() and backend_type = 'client backend'
					group by 1, 2 order by 1, 2
					""")
			.query((rs, n) -> new SystemStatus.DatabaseClient(rs.getString("address"), rs.getString("application_name"),
					rs.getInt("connections"), rs.getTimestamp("since").toInstant()))
			.list();
	}

	private Long gauge(String name) {
		Gauge gauge = this.meters.find(name).gauge();
		if (gauge == null || Double.isNaN(gauge.value())) {
			return null;
		}
		return Math.round(gauge.value());
	}

}
