package dev.fixpoint.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.fixpoint.accounts.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A person's saved filters: in their data export, deleted with their account. */
@Component
@Order(40)
class SavedFilterPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	SavedFilterPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "saved-filters";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		this.jdbc.sql("""
				select p.key, f.name, f.query, f.shared, f.created_at
				from saved_filters f join projects p on p.id = f.project_id
				where f.owner_id = :user order by f.created_at, f.id
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> filter = new LinkedHashMap<>();
			filter.put("project", rs.getString("key"));
			filter.put("name", rs.getString("name"));
			filter.put("query", rs.getString("query"));
			filter.put("shared", rs.getBoolean("shared"));
			filter.put("created_at", rs.getTimestamp("created_at").toInstant());
			return filter;
		}).list().forEach(item);
	}

	@Override
	public void erase(Erasure erasure) {
		this.jdbc.sql("delete from saved_filters where owner_id = :user").param("user", erasure.userId()).update();
	}

}
