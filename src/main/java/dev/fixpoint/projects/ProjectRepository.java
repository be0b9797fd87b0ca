package dev.fixpoint.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.workflow.Workflow;
import dev.fixpoint.workflow.WorkflowTemplates;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.ConcurrentLruCache;

@Repository
class ProjectRepository {

	private static final String COLUMNS = """
			p.id, p.org_id, p.key, p.name, p.slug, p.description, p.is_public, p.workflow::text as workflow,
			p.sla_config::text as sla_config, p.github_repo, p.github_webhook_secret_set, p.gitlab_project,
			p.gitlab_webhook_token_set, p.created_at, m.role
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ConcurrentLruCache<String, Workflow> workflows;

	private final ComponentMemory components;

	private final ProjectMemory memory;

	ProjectRepository(JdbcClient jdbc, JsonMapper json, ComponentMemory components, ProjectMemory memory) {
		this.components = components;
		this.memory = memory;
		this.jdbc = jdbc;
		this.json = json;
		this.workflows = new ConcurrentLruCache<>(256, text -> json.readValue(text, Workflow.class));
	}

	void insert(UUID id, UUID orgId, String key, String name, String slug, String description, boolean isPublic) {
		this.memory.forget();
		this.jdbc.sql("""
				insert into projects (id, org_id, key, name, slug, description, is_public)
				values (:id, :org, :key, :name, :slug, :description, :isPublic)
				""")
			.param("id", id)
			.param("org", orgId)
			.param("key", key)
			.param("name", name)
			.param("slug", slug)
			.param("description", description)
			.param("isPublic", isPublic)
			.update();
	}

	boolean keyTaken(UUID orgId, String key) {
		return this.jdbc.sql("select exists (select 1 from projects where org_id = :org and key = :key)")
			.param("org", orgId)
			.param("key", key)
			.query(Boolean.class)
			.single();
	}

	boolean slugTaken(UUID orgId, String slug) {
		return this.jdbc.sql("select exists (select 1 from projects where org_id = :org and slug = :slug)")
			.param("org", orgId)
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The project (by id or key) if the user is a member; keys are unique per
	 * organization.
	 */
	Optional<Project> findForMember(String ref, UUID userId) {
		return this.memory.forMember(ref, userId, () -> this.jdbc.sql("select " + COLUMNS + """
				from projects p join project_members m on m.project_id = p.id and m.user_id = :user
				where p.id::text = :ref or p.key = upper(:ref)
				order by p.created_at limit 1
				""").param("ref", ref).param("user", userId).query(this::map).optional());
	}

	Optional<Project> findForMember(UUID projectId, UUID userId) {
		return this.memory.forMember(projectId, userId, () -> this.jdbc.sql("select " + COLUMNS + """
				from projects p join project_members m on m.project_id = p.id and m.user_id = :user
				where p.id = :id
				""").param("id", projectId).param("user", userId).query(this::map).optional());
	}

	/**
	 * A project without a caller (its {@code my_role} null): by id, or by key among the
	 * public projects (oldest first when organizations share a key).
	 */
	Optional<Project> findById(UUID projectId) {
		return this.jdbc
			.sql("select " + COLUMNS.replace("m.role", "null as role") + " from projects p where p.id = :id")
			.param("id", projectId)
			.query(this::map)
			.optional();
	}

	List<Project> findPublicByKey(String key) {
		return this.jdbc.sql("select " + COLUMNS.replace("m.role", "null as role") + """
				from projects p where p.key = upper(:key) and p.is_public
				order by p.created_at
				""").param("key", key).query(this::map).list();
	}

	List<Project> findPublicInOrganization(UUID orgId) {
		return this.jdbc.sql("select " + COLUMNS.replace("m.role", "null as role") + """
				from projects p where p.org_id = :org and p.is_public
				order by p.name
				""").param("org", orgId).query(this::map).list();
	}

	/** The project as someone with {@code role} sees it, whether or not a member. */
	Optional<Project> findAs(UUID projectId, ProjectRole role) {
		return this.jdbc.sql("select " + COLUMNS + """
				from projects p cross join (select cast(:role as text) as role) m
				where p.id = :id
				""").param("id", projectId).param("role", role.key()).query(this::map).optional();
	}

	/**
	 * The project (by id or key) in one of {@code orgIds}, seen as its admin (the role
	 * column says {@code admin}): for organization admins who are not members.
	 */
	Optional<Project> findAsAdminIn(String ref, java.util.Collection<UUID> orgIds) {
		if (orgIds.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc.sql("select " + COLUMNS.replace("m.role", "'admin' as role") + """
				from projects p
				where (p.id::text = :ref or p.key = upper(:ref)) and p.org_id in (:orgs)
				order by p.created_at limit 1
				""").param("ref", ref).param("orgs", orgIds).query(this::map).optional();
	}

	List<Project> findAllForMember(UUID userId) {
		return this.jdbc.sql("select " + COLUMNS + """
				from projects p join project_members m on m.project_id = p.id and m.user_id = :user
				order by p.name
				""").param("user", userId).query(this::map).list();
	}

	void update(UUID id, String name, String description, boolean isPublic) {
		this.memory.forget();
		this.jdbc.sql("""
				update projects set name = :name, description = :description, is_public = :isPublic, updated_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("name", name)
			.param("description", description)
			.param("isPublic", isPublic)
			.update();
	}

	void updateRepositories(UUID id, RepositoryLinks.RepositorySummary summary) {
		this.memory.forget();
		this.jdbc.sql("""
				update projects set github_repo = :githubRepo, github_webhook_secret_set = :githubSecretSet,
				    gitlab_project = :gitlabProject, gitlab_webhook_token_set = :gitlabTokenSet
				where id = :id
				""")
			.param("id", id)
			.param("githubRepo", summary.githubRepo())
			.param("githubSecretSet", summary.githubWebhookSecretSet())
			.param("gitlabProject", summary.gitlabProject())
			.param("gitlabTokenSet", summary.gitlabWebhookTokenSet())
			.update();
	}

	List<UUID> findProjectIdsOf(UUID userId) {
		return this.jdbc.sql("select project_id from project_members where user_id = :user")
			.param("user", userId)
			.query(UUID.class)
			.list();
	}

	List<String> findKeysInOrganization(UUID orgId) {
		return this.jdbc.sql("select key from projects where org_id = :org")
			.param("org", orgId)
			.query(String.class)
			.list();
	}

	void updateWorkflow(UUID id, Workflow workflow) {
		this.memory.forget();
		this.jdbc.sql("update projects set workflow = cast(:workflow as jsonb), updated_at = now() where id = :id")
			.param("id", id)
			.param("workflow", this.json.writeValueAsString(workflow))
			.update();
	}

	/**
	 * Serializes changes of one project's configuration (and bug numbering) until the
	 * transaction ends.
	 */
	java.util.Optional<RetentionPolicy> retentionOf(UUID id) {
		return this.jdbc.sql("select retention_days, retention_action from projects where id = :id")
			.param("id", id)
			.query((rs, n) -> new RetentionPolicy((Integer) rs.getObject("retention_days"),
					rs.getString("retention_action")))
			.optional();
	}

	void updateRetention(UUID id, RetentionPolicy policy) {
		this.jdbc.sql("update projects set retention_days = :days, retention_action = :action where id = :id")
			.param("id", id)
			.param("days", policy.retentionDays())
			.param("action", policy.retentionAction())
			.update();
	}

	java.util.List<ProjectRetention.Scheduled> withRetention() {
		return this.jdbc.sql("""
				select id, org_id, key, retention_days, retention_action from projects
				where retention_days is not null order by id
				""")
			.query((rs, n) -> new ProjectRetention.Scheduled(rs.getObject("id", UUID.class),
					rs.getObject("org_id", UUID.class), rs.getString("key"),
					new RetentionPolicy(rs.getInt("retention_days"), rs.getString("retention_action"))))
			.list();
	}

	void lock(UUID id) {
		this.jdbc.sql("select id from projects where id = :id for update").param("id", id).query(UUID.class).single();
	}

	void delete(UUID id) {
		this.memory.forget();
		this.jdbc.sql("delete from projects where id = :id").param("id", id).update();
	}

	/**
	 * The next number from the project's sequence and the workflow the bug starts in,
	 * read under a share lock on the project row: filings don't wait for each other, a
	 * workflow change (which locks the row for update) waits for them and they for it.
	 */
	/**
	 * {@link #nextBug} as a CTE ({@link FilingNumber}): a project without a workflow of
	 * its own has the standard one.
	 */
	static FilingNumber numberWithBug(UUID projectId, String status) {
		return new FilingNumber("""
				slot as (
				    select next_bug_number(p.id) as number
				    from (select id, workflow from projects where id = :slot_project for share) p
				    where case when p.workflow is null then :slot_standard
				        else p.workflow @> jsonb_build_object('statuses',
				            jsonb_build_array(jsonb_build_object('key', cast(:slot_status as text)))) end
				)""", Map.of("slot_project", projectId, "slot_status", status, "slot_standard",
				WorkflowTemplates.standard().status(status).isPresent()));
	}

	Optional<FilingSlot> nextBug(UUID projectId) {
		return this.jdbc.sql("""
				select next_bug_number(p.id) as number, p.workflow::text as workflow
				from (select id, workflow from projects where id = :id for share) p
				""")
			.param("id", projectId)
			.query((rs, n) -> new FilingSlot(rs.getInt("number"), workflow(rs.getString("workflow"))))
			.optional();
	}

	// --- members

	void upsertMember(UUID projectId, UUID userId, ProjectRole role) {
		this.memory.forget();
		this.jdbc.sql("""
				insert into project_members (project_id, user_id, role) values (:project, :user, :role)
				on conflict (project_id, user_id) do update set role = excluded.role
				""").param("project", projectId).param("user", userId).param("role", role.key()).update();
	}

	Optional<ProjectRole> findRole(UUID projectId, UUID userId) {
		return this.jdbc.sql("select role from project_members where project_id = :project and user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.query(String.class)
			.optional()
			.flatMap(ProjectRole::parse);
	}

	/**
	 * Locks the project's admin rows so two concurrent demotions cannot remove the last
	 * admin.
	 */
	int countAdminsForUpdate(UUID projectId) {
		return this.jdbc.sql("""
				select user_id from project_members where project_id = :project and role = 'admin' for update
				""").param("project", projectId).query(UUID.class).list().size();
	}

	record MemberRow(UUID userId, String role, java.time.Instant joinedAt) {
	}

	List<MemberRow> findMembers(UUID projectId) {
		return this.jdbc.sql("""
				select user_id, role, joined_at from project_members where project_id = :project order by joined_at
				""")
			.param("project", projectId)
			.query((rs, n) -> new MemberRow(rs.getObject("user_id", UUID.class), rs.getString("role"),
					rs.getTimestamp("joined_at").toInstant()))
			.list();
	}

	List<UUID> findMemberIds(UUID projectId, java.util.Collection<UUID> userIds) {
		return this.jdbc
			.sql("""
					select user_id from project_members where project_id = :project and user_id = any(cast(:users as uuid[]))
					""")
			.param("project", projectId)
			.param("users", userIds.toArray(UUID[]::new))
			.query(UUID.class)
			.list();
	}

	int deleteMember(UUID projectId, UUID userId) {
		this.memory.forget();
		return this.jdbc.sql("delete from project_members where project_id = :project and user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.update();
	}

	// --- components

	List<ProjectComponent> findComponents(UUID projectId) {
		return this.components.of(projectId,
				id -> this.jdbc
					.sql("select id, name, owner_id from components where project_id = :project order by name")
					.param("project", id)
					.query((rs, n) -> new ProjectComponent(rs.getObject("id", UUID.class), rs.getString("name"),
							rs.getObject("owner_id", UUID.class)))
					.list());
	}

	void insertComponent(UUID id, UUID projectId, String name, UUID ownerId) {
		this.components.forget();
		this.jdbc.sql("insert into components (id, project_id, name, owner_id) values (:id, :project, :name, :owner)")
			.param("id", id)
			.param("project", projectId)
			.param("name", name)
			.param("owner", ownerId)
			.update();
	}

	int updateComponent(UUID projectId, UUID id, String name, UUID ownerId) {
		this.components.forget();
		return this.jdbc.sql("""
				update components set name = :name, owner_id = :owner where id = :id and project_id = :project
				""").param("id", id).param("project", projectId).param("name", name).param("owner", ownerId).update();
	}

	int deleteComponent(UUID projectId, UUID id) {
		this.components.forget();
		return this.jdbc.sql("delete from components where id = :id and project_id = :project")
			.param("id", id)
			.param("project", projectId)
			.update();
	}

	boolean componentNameTaken(UUID projectId, String name, UUID except) {
		return this.jdbc.sql("""
				select exists (select 1 from components where project_id = :project and lower(name) = lower(:name)
				and (cast(:except as uuid) is null or id <> :except))
				""")
			.param("project", projectId)
			.param("name", name)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}

	private Project map(ResultSet rs, int row) throws SQLException {
		String workflow = rs.getString("workflow");
		String sla = rs.getString("sla_config");
		return new Project(rs.getObject("id", UUID.class), rs.getObject("org_id", UUID.class), rs.getString("key"),
				rs.getString("name"), rs.getString("slug"), rs.getString("description"), rs.getBoolean("is_public"),
				workflow(workflow),
				sla == null ? Map.of() : this.json.readValue(sla, new TypeReference<Map<String, Object>>() {
				}), rs.getString("github_repo"), rs.getBoolean("github_webhook_secret_set"),
				rs.getString("gitlab_project"), rs.getBoolean("gitlab_webhook_token_set"),
				rs.getTimestamp("created_at").toInstant(),
				rs.getString("role") == null ? null : ProjectRole.parse(rs.getString("role")).orElseThrow());
	}

	/**
	 * Workflows are parsed once per distinct JSON: every request that loads a project
	 * needs one.
	 */
	private Workflow workflow(String json) {
		return json == null ? WorkflowTemplates.standard() : this.workflows.get(json);
	}

}
