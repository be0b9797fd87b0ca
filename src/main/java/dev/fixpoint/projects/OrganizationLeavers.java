package dev.fixpoint.projects;

import java.util.List;
import java.util.Map;

import dev.fixpoint.accounts.OrganizationMemberRemoved;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.ConflictException;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Someone removed from an organization leaves its projects too, in the removal's
 * transaction ({@code project.member_removed} for each); refused (409, the removal rolls
 * back) while they are the last admin of one of them.
 */
@Component
class OrganizationLeavers {

	record Left(java.util.UUID projectId, String key, String role, boolean lastAdmin) {
	}

	private final JdbcClient jdbc;

	private final ProjectRepository projects;

	private final AuditLog audit;

	OrganizationLeavers(JdbcClient jdbc, ProjectRepository projects, AuditLog audit) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
	}

	@EventListener
	void on(OrganizationMemberRemoved event) {
		List<Left> memberships = this.jdbc.sql("""
				select p.id, p.key, m.role,
				    m.role = 'admin' and not exists (select 1 from project_members o
				        where o.project_id = p.id and o.role = 'admin' and o.user_id <> m.user_id) as last_admin
				from project_members m join projects p on p.id = m.project_id
				where p.org_id = :org and m.user_id = :user
				order by p.key
				for update of m
				""")
			.param("org", event.orgId())
			.param("user", event.userId())
			.query((rs, n) -> new Left(rs.getObject("id", java.util.UUID.class), rs.getString("key"),
					rs.getString("role"), rs.getBoolean("last_admin")))
			.list();
		List<String> stranded = memberships.stream().filter(Left::lastAdmin).map(Left::key).toList();
		if (!stranded.isEmpty()) {
			throw ConflictException.because("They are the last admin of " + String.join(", ", stranded)
					+ ": make someone else an admin there first");
		}
		for (Left left : memberships) {
			this.projects.deleteMember(left.projectId(), event.userId());
			this.audit.record(AuditEvent.of("project.member_removed", event.removedBy())
				.org(event.orgId())
				.target("project_member", event.userId(), left.key())
				.change(Map.of("role", left.role(), "project", left.projectId().toString()), null));
		}
	}

}
