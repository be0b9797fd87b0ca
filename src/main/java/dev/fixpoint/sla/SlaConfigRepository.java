package dev.fixpoint.sla;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.ConcurrentLruCache;

/**
 * Reads and writes {@code projects.sla_config}: the contract shows it in the project
 * JSON, so the column the projects module already serves is the one place the
 * configuration lives. Only this module writes it.
 */
@Repository
class SlaConfigRepository {

	private static final Logger log = LoggerFactory.getLogger(SlaConfigRepository.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Policies by the stored configuration they were read from: every filing needs its
	 * project's, and reading one (Jackson and validation) cost more than the rest of
	 * starting the clock.
	 */
	private final ConcurrentLruCache<Map<String, Object>, SlaPolicy> policies = new ConcurrentLruCache<>(64,
			this::read);

	SlaConfigRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<SlaPolicy> find(UUID projectId) {
		return this.jdbc.sql("select sla_config::text from projects where id = :project")
			.param("project", projectId)
			.query(String.class)
			.optional()
			.map(this::policy);
	}

	/**
	 * The policy of a project row already read ({@code Project.slaConfig()}): no query.
	 */
	SlaPolicy policy(Map<String, Object> stored) {
		return stored == null ? SlaPolicy.defaults() : this.policies.get(stored);
	}

	private SlaPolicy read(Map<String, Object> stored) {
		try {
			return SlaSettings.validate(this.json.convertValue(stored, SlaConfigRequest.class));
		}
		catch (DomainException | tools.jackson.core.JacksonException | IllegalArgumentException ex) {
			log.warn("Unreadable sla_config, using the defaults");
			return SlaPolicy.defaults();
		}
	}

	void save(UUID projectId, SlaPolicy policy) {
		this.jdbc.sql("update projects set sla_config = cast(:config as jsonb) where id = :project")
			.param("project", projectId)
			.param("config", this.json.writeValueAsString(SlaConfigRequest.of(policy)))
			.update();
	}

	private SlaPolicy policy(String stored) {
		try {
			return SlaSettings.validate(this.json.readValue(stored, SlaConfigRequest.class));
		}
		catch (DomainException | tools.jackson.core.JacksonException ex) {
			// written only through SlaSettings, so this means a hand edit: keep working
			// with the defaults
			log.warn("Unreadable sla_config, using the defaults");
			return SlaPolicy.defaults();
		}
	}

}
