package dev.fixpoint.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts module's side of deleting a person: their organizations, ways in and row.
 */
@Repository
class Erasures {

	private final JdbcClient jdbc;

	private final TokenRepository tokens;

	private final Revocations revocations;

	private final AccountLinkRepository links;

	private final AccountMemory memory;

	Erasures(JdbcClient jdbc, TokenRepository tokens, Revocations revocations, AccountLinkRepository links,
			AccountMemory memory) {
		this.memory = memory;
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.revocations = revocations;
		this.links = links;
	}

	List<PersonalToken> tokens(UUID userId) {
		return this.tokens.findPersonal(userId);
	}

	boolean deleted(UUID userId) {
		return this.jdbc.sql("select deleted_at is not null from users where id = :id")
			.param("id", userId)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	int siteAdmins() {
		return this.jdbc
			.sql("select count(*) from users where is_site_admin and kind = 'person' and deleted_at is null")
			.query(Integer.class)
			.single();
	}

	/** Organizations the person is the only admin of while others are members. */
	List<String> orphanedOrganizations(UUID userId) {
		return this.jdbc.sql("""
				select o.name from organization_members m join organizations o on o.id = m.org_id
				where m.user_id = :user and m.role = 'admin'
				  and not exists (select 1 from organization_members a
				                  where a.org_id = m.org_id and a.user_id <> :user and a.role = 'admin')
				  and exists (select 1 from organization_members x where x.org_id = m.org_id and x.user_id <> :user)
				order by o.name
				""").param("user", userId).query(String.class).list();
	}

	long nextNumber() {
		return this.jdbc.sql("select nextval('deleted_user_number')").query(Long.class).single();
	}

	/**
	 * Leaves every organization; one the person was alone in goes with them (the projects
	 * module refused the deletion if it still had projects).
	 */
	void leaveOrganizations(UUID userId) {
		this.jdbc.sql("""
				delete from organizations o
				where exists (select 1 from organization_members m where m.org_id = o.id and m.user_id = :user)
				  and not exists (select 1 from organization_members m where m.org_id = o.id and m.user_id <> :user)
				""").param("user", userId).update();
		this.jdbc.sql("delete from organization_members where user_id = :user").param("user", userId).update();
	}

	/** Browser sessions, API tokens and emailed links. */
	void endAccess(UUID userId) {
		this.revocations.allBut(userId, null);
		this.links.deleteFor(userId);
	}

	void anonymise(PersonalData.Erasure erasure, Instant now) {
		this.memory.forget();
		this.jdbc.sql("""
				update users set name = :name, username = :username, email = :email, password_hash = '!',
				    is_site_admin = false, time_zone = 'UTC', theme = 'system', email_verified_at = null,
				    deactivated_at = :now, deleted_at = :now, updated_at = :now
				where id = :id
				""")
			.param("id", erasure.userId())
			.param("name", erasure.newName())
			.param("username", erasure.newUsername())
			.param("email", erasure.newUsername() + "@deleted.invalid")
			.param("now", Timestamp.from(now))
			.update();
	}

}
