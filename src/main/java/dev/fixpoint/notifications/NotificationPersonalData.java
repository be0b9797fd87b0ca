package dev.fixpoint.notifications;

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
 * A person's notifications, for their data export; on deletion their notifications,
 * watches, email preferences, queued and sent emails and report subscriptions go, and
 * their name in what others were notified of becomes the new name.
 */
@Component
@Order(30)
class NotificationPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	NotificationPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "notifications";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		try (Stream<Map<String, Object>> rows = this.jdbc.sql("""
				select bug_key, bug_title, kind, text, created_at, read_at from notifications
				where user_id = :user order by created_at, id
				""").param("user", userId).query((rs, n) -> {
			Map<String, Object> notification = new LinkedHashMap<>();
			notification.put("bug", rs.getString("bug_key"));
			notification.put("bug_title", rs.getString("bug_title"));
			notification.put("kind", rs.getString("kind"));
			notification.put("text", rs.getString("text"));
			notification.put("created_at", rs.getTimestamp("created_at").toInstant());
			notification.put("read_at",
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
			return notification;
		}).stream()) {
			rows.forEach(item);
		}
	}

	@Override
	public void erase(Erasure erasure) {
		for (String table : new String[] { "notifications", "notification_preferences", "bug_watchers", "email_items",
				"emails", "report_subscriptions" }) {
			this.jdbc.sql("delete from " + table + " where user_id = :user").param("user", erasure.userId()).update();
		}
		this.jdbc.sql("delete from emails where strpos(lower(to_address), lower(:email)) > 0")
			.param("email", erasure.email())
			.update();
		String name = Mentions.name(erasure.name());
		this.jdbc.sql("""
				update notifications set text = regexp_replace(text, :name, :newName, 'g')
				where actor_id = :user or text ~ :name
				""").param("user", erasure.userId()).param("name", name).param("newName", erasure.newName()).update();
		this.jdbc.sql("update email_items set line = regexp_replace(line, :name, :newName, 'g') where line ~ :name")
			.param("name", name)
			.param("newName", erasure.newName())
			.update();
		this.jdbc.sql("""
				update emails set subject = regexp_replace(subject, :name, :newName, 'g'),
				    text_body = regexp_replace(text_body, :name, :newName, 'g'),
				    html_body = regexp_replace(html_body, :name, :newName, 'g')
				where subject ~ :name or text_body ~ :name or html_body ~ :name
				""").param("name", name).param("newName", erasure.newName()).update();
	}

}
