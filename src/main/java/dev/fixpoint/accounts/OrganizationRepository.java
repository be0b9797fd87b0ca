package dev.fixpoint.accounts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.Like;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String name, String slug) {
		this.jdbc.sql("insert into organizations (id, name, slug) values (:id, :name, :slug)")
			.param("id", id)
			.param("name", name)
			.param("slug", slug)
			.update();
	}

	boolean slugTaken(String slug) {
		return this.jdbc.sql("select exists (select 1 from organizations where slug = :slug)")
			.param("slug", slug)
			.query(Boolean.class)
			.single();
	}

	/** Adds a member with this role; someone already a member keeps their role. */
	void addMemberIfAbsent(UUID orgId, UUID userId, String role) {
		this.jdbc.sql("""
				insert into organization_members (org_id, user_id, role) values (:org, :user, :role)
				on conflict (org_id, user_id) do nothing
				""").param("org", orgId).param("user", userId).param("role", role).update();
	}

	void addMember(UUID orgId, UUID userId, String role) {
		this.jdbc.sql("""
				insert into organization_members (org_id, user_id, role) values (:org, :user, :role)
				on conflict (org_id, user_id) do update set role = excluded.role
				""").param("org", orgId).param("user", userId).param("role", role).update();
	}

	List<OrganizationMembership> findForUser(UUID userId) {
		return this.jdbc.sql("""
				select o.id, o.name, o.slug, m.role
				from organization_members m join organizations o on o.id = m.org_id
				where m.user_id = :user order by m.joined_at, o.name
				""").param("user", userId).query(OrganizationMembership.class).list();
	}

	Optional<OrganizationMembership> findById(UUID id) {
		return this.jdbc.sql("select o.id, o.name, o.slug, null as role from organizations o where o.id = :id")
			.param("id", id)
			.query(OrganizationMembership.class)
			.optional();
	}

	/** An organization by slug, without a caller (role null): its public pages. */
	Optional<OrganizationMembership> findBySlug(String slug) {
		return this.jdbc.sql("select o.id, o.name, o.slug, null as role from organizations o where o.slug = :slug")
			.param("slug", slug)
			.query(OrganizationMembership.class)
			.optional();
	}

	Optional<OrganizationMembership> findMembership(String orgRef, UUID userId) {
		return this.jdbc.sql("""
				select o.id, o.name, o.slug, m.role
				from organization_members m join organizations o on o.id = m.org_id
				where m.user_id = :user and (o.slug = :ref or o.id::text = :ref)
				""").param("user", userId).param("ref", orgRef).query(OrganizationMembership.class).optional();
	}

	/**
	 * An organization's members by name (then id) after the member {@code (afterName,
	 * afterId)} (both null: from the first), those whose name, username or email contains
	 * {@code text} ('' for all), at most {@code limit} (null: all). Reads the
	 * organization's rows by its key and sorts them: an organization has hundreds of
	 * members, not millions.
	 */
	List<OrganizationMember> findMembers(UUID orgId, String text, String afterName, UUID afterId, Integer limit) {
		return this.jdbc.sql("""
				select u.id, u.email, u.name, u.username, m.role, m.joined_at
				from organization_members m join users u on u.id = m.user_id
				where m.org_id = :org
				  and (:q = '' or u.name ilike :pattern or u.username ilike :pattern or u.email ilike :pattern)
				  and (cast(:afterId as uuid) is null or (u.name, u.id) > (cast(:afterName as text), :afterId))
				order by u.name, u.id
				limit cast(:limit as integer)
				""")
			.param("org", orgId)
			.param("q", text)
			.param("pattern", Like.contains(text))
			.param("afterName", afterName)
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs,
					n) -> new OrganizationMember(
							new UserSummary(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
									rs.getString("username")),
							rs.getString("role"), rs.getTimestamp("joined_at").toInstant()))
			.list();
	}

	Optional<String> plan(UUID orgId) {
		return this.jdbc.sql("select plan from organizations where id = :org")
			.param("org", orgId)
			.query(String.class)
			.optional();
	}

	int memberCount(UUID orgId) {
		return this.jdbc.sql("select count(*) from organization_members where org_id = :org")
			.param("org", orgId)
			.query(Integer.class)
			.single();
	}

	int setPlan(UUID orgId, String plan) {
		return this.jdbc.sql("update organizations set plan = :plan where id = :org")
			.param("org", orgId)
			.param("plan", plan)
			.update();
	}

	List<OrganizationOverview> overview() {
		return this.jdbc.sql("""
				select o.id, o.name, o.slug, o.plan, o.created_at,
				    (select count(*) from organization_members m where m.org_id = o.id) as members
				from organizations o order by o.name, o.id
				""")
			.query((rs, n) -> new OrganizationOverview(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("slug"), rs.getString("plan"), rs.getInt("members"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	boolean isMember(UUID orgId, UUID userId) {
		return this.jdbc
			.sql("select exists (select 1 from organization_members where org_id = :org and user_id = :user)")
			.param("org", orgId)
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	String role(UUID orgId, UUID userId) {
		return this.jdbc.sql("select role from organization_members where org_id = :org and user_id = :user")
			.param("org", orgId)
			.param("user", userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/** Locks the organization's admin rows and counts them. */
	int countAdminsForUpdate(UUID orgId) {
		return this.jdbc.sql("""
				select count(*) from (select 1 from organization_members where org_id = :org and role = 'admin'
				for update) admins
				""").param("org", orgId).query(Integer.class).single();
	}

	int removeMember(UUID orgId, UUID userId) {
		return this.jdbc.sql("delete from organization_members where org_id = :org and user_id = :user")
			.param("org", orgId)
			.param("user", userId)
			.update();
	}

}
