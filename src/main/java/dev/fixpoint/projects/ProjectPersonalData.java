package dev.fixpoint.projects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.accounts.PersonalData;
import dev.fixpoint.platform.ConflictException;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's project memberships, for their data export. Deleting the account is refused
 * while they are the last admin of a project: with other members (someone else must run
 * it) or alone (the project and its bugs would be nobody's; delete it first).
 */
@Component
@Order(0)
class ProjectPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final ProjectMemory memory;

	ProjectPersonalData(JdbcClient jdbc, ProjectMemory memory) {
		this.memory = memory;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "project-memberships";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		this.jdbc.sql("""
				select p.key, p.name, m.role, m.joined_at from project_members m join projects p on p.id = m.project_id
				where m.user_id = :user order by m.joined_at, p.key
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> membership = new LinkedHashMap<>();
			membership.put("project", rs.getString("key"));
			membership.put("name", rs.getString("name"));
			membership.put("role", rs.getString("role"));
			membership.put("joined_at", rs.getTimestamp("joined_at").toInstant());
			return membership;
		}).list().forEach(item);
	}

	@Override
	public void checkErasable(UUID userId) {
		List<String> refusals = new ArrayList<>();
		this.jdbc
			.sql("""
					select p.key, exists (select 1 from project_members x where x.project_id = p.id and x.user_id <> :user) as others
					from project_members m join projects p on p.id = m.project_id
					where m.user_id = :user and m.role = 'admin'
					  and not exists (select 1 from project_members a
					                  where a.project_id = p.id and a.user_id <> :user and a.role = 'admin')
					order by p.key
					""")
			.param("user", userId)
			.query((rs, n) -> {
				refusals.add(rs.getBoolean("others")
						? "you are the last admin of the project " + rs.getString("key")
								+ ": make another member admin first"
						: "you are the only member of the project " + rs.getString("key")
								+ ": delete it or add another admin first");
				return null;
			})
			.list();
		if (!refusals.isEmpty()) {
			throw ConflictException.because("The account cannot be deleted yet: " + String.join("; ", refusals));
		}
	}

	@Override
	public void erase(Erasure erasure) {
		this.memory.forget();
		this.jdbc.sql("delete from project_members where user_id = :user").param("user", erasure.userId()).update();
		this.jdbc.sql("update components set owner_id = null where owner_id = :user")
			.param("user", erasure.userId())
			.update();
	}

}
