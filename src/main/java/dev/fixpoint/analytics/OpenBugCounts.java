package dev.fixpoint.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.ProjectAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many bugs are open in each of the caller's projects, and how many of them are
 * assigned to the caller: the counts on My work's project cards. Read from the open-bug
 * rollups the trigger on {@code bugs} keeps (V19), so a project of a million bugs costs a
 * few dozen rows, not a count of its bugs.
 */
@Service
@Transactional(readOnly = true)
public class OpenBugCounts {

	/** One project's counts. */
	public record Counts(int open, int assignedToMe) {

		static final Counts NONE = new Counts(0, 0);

	}

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	OpenBugCounts(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	/** Per project id of the caller; a project without open bugs counts zeros. */
	public Map<UUID, Counts> mine(CurrentUser user) {
		List<UUID> projects = this.access.projectIdsOf(user);
		Map<UUID, Counts> counts = new HashMap<>();
		projects.forEach(p -> counts.put(p, Counts.NONE));
		if (projects.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				select project_id, sum(n)::int as n from analytics_open
				where project_id in (:projects) group by project_id
				""")
			.param("projects", projects)
			.query((rs, i) -> counts.put(rs.getObject("project_id", UUID.class), new Counts(rs.getInt("n"), 0)))
			.list();
		this.jdbc.sql("""
				select project_id, sum(n)::int as n from analytics_open_assignees
				where project_id in (:projects) and assignee_id = :user group by project_id
				""").param("projects", projects).param("user", user.id()).query((rs, i) -> {
			int n = rs.getInt("n");
			return counts.compute(rs.getObject("project_id", UUID.class),
					(id, c) -> new Counts(c == null ? 0 : c.open(), n));
		}).list();
		return counts;
	}

}
