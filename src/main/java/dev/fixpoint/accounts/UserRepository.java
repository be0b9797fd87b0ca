package dev.fixpoint.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.Like;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	record UserRow(UUID id, String email, String username, String name, String passwordHash, boolean isSiteAdmin) {

		UserSummary summary() {
			return new UserSummary(this.id, this.email, this.name, this.username);
		}

	}

	private final JdbcClient jdbc;

	private final AccountMemory memory;

	UserRepository(JdbcClient jdbc, AccountMemory memory) {
		this.jdbc = jdbc;
		this.memory = memory;
	}

	void insert(UUID id, String email, String username, String name, String passwordHash, boolean siteAdmin) {
		this.jdbc.sql("""
				insert into users (id, email, username, name, password_hash, is_site_admin)
				values (:id, :email, :username, :name, :hash, :siteAdmin)
				""")
			.param("id", id)
			.param("email", email)
			.param("username", username)
			.param("name", name)
			.param("hash", passwordHash)
			.param("siteAdmin", siteAdmin)
			.update();
	}

	Optional<UserRow> findByEmail(String email) {
		return this.jdbc.sql("""
									select id, email, username, name, password_hash, is_site_admin from users
				where email = :email::citext and kind = 'person' and deactivated_at is null and deleted_at is null
									""").param("email", email).query(UserRepository::userRow).optional();
	}

	Optional<UserRow> findById(UUID id) {
		return this.jdbc.sql("""
				select id, email, username, name, password_hash, is_site_admin from users where id = :id
				""").param("id", id).query(UserRepository::userRow).optional();
	}

	/**
	 * The person, unless deactivated or deleted: for ways in that skip the password
	 * (passkeys, single sign-on).
	 */
	Optional<UserRow> findActiveById(UUID id) {
		return this.jdbc.sql("""
				select id, email, username, name, password_hash, is_site_admin from users
				where id = :id and kind = 'person' and deactivated_at is null and deleted_at is null
				""").param("id", id).query(UserRepository::userRow).optional();
	}

	Optional<UserRow> findByUsername(String username) {
		return this.jdbc.sql("""
				select id, email, username, name, password_hash, is_site_admin from users
				where username = :u::citext and kind = 'person' and deleted_at is null
				""").param("u", username).query(UserRepository::userRow).optional();
	}

	List<UserSummary> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.memory.people(ids,
				missing -> this.jdbc.sql("select id, email, name, username from users where id in (:ids)")
					.param("ids", missing)
					.query(UserRepository::summary)
					.list());
	}

	Optional<Profile> profile(UUID id) {
		return this.jdbc.sql("""
				select id, email, username, name, time_zone, theme, email_verified_at is not null as email_verified,
				    is_site_admin, deactivated_at
				from users where id = :id and kind = 'person'
				""")
			.param("id", id)
			.query((rs, n) -> new Profile(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
					rs.getString("username"), rs.getString("time_zone"), rs.getString("theme"),
					rs.getBoolean("email_verified"), rs.getBoolean("is_site_admin"),
					rs.getTimestamp("deactivated_at") == null ? null : rs.getTimestamp("deactivated_at").toInstant()))
			.optional();
	}

	List<Profile> search(String text, int limit) {
		return this.jdbc.sql("""
				select id, email, username, name, time_zone, theme, email_verified_at is not null as email_verified,
				    is_site_admin, deactivated_at
				from users
				where kind = 'person' and deleted_at is null
				  and (:q = '' or name ilike :pattern or username ilike :pattern or email ilike :pattern)
				order by name, id limit :limit
				""")
			.param("q", text)
			.param("pattern", Like.contains(text))
			.param("limit", limit)
			.query((rs, n) -> new Profile(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
					rs.getString("username"), rs.getString("time_zone"), rs.getString("theme"),
					rs.getBoolean("email_verified"), rs.getBoolean("is_site_admin"),
					rs.getTimestamp("deactivated_at") == null ? null : rs.getTimestamp("deactivated_at").toInstant()))
			.list();
	}

	void updateProfile(UUID id, String name, String username, String timeZone, String theme) {
		this.memory.forget();
		this.jdbc.sql("""
				update users set name = :name, username = :username, time_zone = :tz, theme = :theme, updated_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("name", name)
			.param("username", username)
			.param("tz", timeZone)
			.param("theme", theme)
			.update();
	}

	void updatePassword(UUID id, String hash) {
		this.jdbc.sql("update users set password_hash = :hash, updated_at = now() where id = :id")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	void updateEmail(UUID id, String email) {
		this.memory.forget();
		this.jdbc.sql("""
				update users set email = :email, email_verified_at = now(), updated_at = now() where id = :id
				""").param("id", id).param("email", email).update();
	}

	void markVerified(UUID id) {
		this.jdbc.sql("update users set email_verified_at = coalesce(email_verified_at, now()) where id = :id")
			.param("id", id)
			.update();
	}

	void setDeactivated(UUID id, java.time.Instant at) {
		this.memory.forget();
		this.jdbc.sql("update users set deactivated_at = :at, updated_at = now() where id = :id and kind = 'person'")
			.param("id", id)
			.param("at", at == null ? null : java.sql.Timestamp.from(at))
			.update();
	}

	boolean emailTaken(String email) {
		return this.jdbc.sql("select exists (select 1 from users where email = :e::citext)")
			.param("e", email)
			.query(Boolean.class)
			.single();
	}

	boolean usernameTaken(String username) {
		return this.jdbc.sql("select exists (select 1 from users where username = :u::citext)")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	boolean isDeleted(UUID id) {
		return this.jdbc.sql("select exists (select 1 from users where id = :id and deleted_at is not null)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean anyExists() {
		return this.jdbc.sql("select exists (select 1 from users where kind = 'person')").query(Boolean.class).single();
	}

	// explicit mappers: Spring's record mapper converts by reflection, ~20% of a page
	// listing 320 members
	private static UserRow userRow(ResultSet rs, int row) throws SQLException {
		return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("username"),
				rs.getString("name"), rs.getString("password_hash"), rs.getBoolean("is_site_admin"));
	}

	private static UserSummary summary(ResultSet rs, int row) throws SQLException {
		return new UserSummary(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("username"));
	}

}
