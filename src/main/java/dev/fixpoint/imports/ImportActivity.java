package dev.fixpoint.imports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an import is writing bugs somewhere in the installation, for work that should
 * yield to it (triage's embeddings wait and catch up after). One indexed look at the
 * pending jobs ({@code import_jobs_pending_idx}).
 */
@Component
public class ImportActivity {

	private final JdbcClient jdbc;

	ImportActivity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether an import job (not a dry run) is running on any node. */
	@Transactional(readOnly = true)
	public boolean running() {
		return this.jdbc.sql("""
				select exists (select 1 from import_jobs where state = 'running' and not dry_run)
				""").query(Boolean.class).single();
	}

}
