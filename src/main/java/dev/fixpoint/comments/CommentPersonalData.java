package dev.fixpoint.comments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.fixpoint.accounts.Mentions;
import dev.fixpoint.accounts.PersonalData;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's comments, for their data export; on deletion their comments stay (the author
 * shows as the new name) and {@code @mentions} of them in anyone's comments become the
 * new name.
 */
@Component
@Order(20)
class CommentPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CommentPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "comments";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		try (Stream<Map<String, Object>> rows = this.jdbc.sql("""
				select p.key || '-' || b.number as bug, c.content, c.is_internal, c.created_at, c.edited_at
				from comments c join bugs b on b.id = c.bug_id join projects p on p.id = b.project_id
				where c.author_id = :user and c.deleted_at is null order by c.created_at, c.id
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> comment = new LinkedHashMap<>();
			comment.put("bug", rs.getString("bug"));
			comment.put("content", rs.getString("content"));
			comment.put("internal", rs.getBoolean("is_internal"));
			comment.put("created_at", rs.getTimestamp("created_at").toInstant());
			comment.put("edited_at",
					rs.getTimestamp("edited_at") == null ? null : rs.getTimestamp("edited_at").toInstant());
			return comment;
		}).stream()) {
			rows.forEach(item);
		}
	}

	@Override
	public void erase(Erasure erasure) {
		this.jdbc.sql("""
				update comments set content = regexp_replace(content, :pattern, :replacement, 'gi'),
				    content_html = regexp_replace(content_html, :pattern, :replacement, 'gi')
				where content ~* :pattern or content_html ~* :pattern
				""")
			.param("pattern", Mentions.pattern(erasure.username()))
			.param("replacement", Mentions.replacement(erasure.newUsername()))
			.update();
	}

}
