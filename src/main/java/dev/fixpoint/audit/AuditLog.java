package dev.fixpoint.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.Times;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records and reads the audit log. {@link #record} joins the caller's transaction: the
 * entry commits or rolls back with the change it describes.
 */
@Service
public class AuditLog {

	private static final int USER_AGENT_MAX = 500;

	private final AuditRepository entries;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(AuditRepository entries, JsonMapper json, Clock clock) {
		this.entries = entries;
		this.json = json;
		this.clock = clock;
	}

	/** Records in the caller's transaction (one insert). */
	@Transactional
	public void record(AuditEvent event) {
		insert(event);
	}

	/**
	 * Records in a transaction of its own: for what is recorded because the caller's
	 * change fails (a refused sign-in), so the entry survives its rollback.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordRegardless(AuditEvent event) {
		insert(event);
	}

	@Transactional(readOnly = true)
	public Page<AuditEntry> search(AuditQuery query, String cursor, int limit) {
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		List<AuditEntry> rows = this.entries.search(query, after, limit + 1);
		if (rows.size() <= limit) {
			return new Page<>(rows, null);
		}
		AuditEntry last = rows.get(limit - 1);
		return new Page<>(List.copyOf(rows.subList(0, limit)),
				Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
	}

	/**
	 * Hands every matching entry, newest first, to {@code each}: read 500 at a time, so
	 * an export of any size holds one batch in memory and no transaction open.
	 */
	public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
		String cursor = null;
		do {
			Page<AuditEntry> page = search(query, cursor, 500);
			page.items().forEach(each);
			cursor = page.nextCursor();
		}
		while (cursor != null);
	}

	/**
	 * Every entry a person did or that is about their account, oldest first, 500 at a
	 * time (their data export).
	 */
	@Transactional(readOnly = true)
	public void forEachOfPerson(UUID userId, Consumer<AuditEntry> each) {
		Cursor.TimeAndId after = Cursor.timeAndId(null);
		List<AuditEntry> batch;
		do {
			batch = this.entries.ofPerson(userId, after, 500);
			batch.forEach(each);
			if (!batch.isEmpty()) {
				AuditEntry last = batch.get(batch.size() - 1);
				after = new Cursor.TimeAndId(last.createdAt(), last.id());
			}
		}
		while (batch.size() == 500);
	}

	/**
	 * A deleted person's data out of the log (GDPR): their address and user agent, and
	 * every before/after value that names their email or name. The entries stay.
	 */
	@Transactional
	public int redact(UUID userId, List<String> personalValues) {
		return this.entries.redact(userId, personalValues);
	}

	/**
	 * Deletes entries older than {@code before}; run by the accounts module's retention
	 * job.
	 */
	@Transactional
	public int deleteBefore(Instant before) {
		return this.entries.deleteBefore(before);
	}

	private void insert(AuditEvent event) {
		String ip = null;
		String userAgent = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			ip = request.getRemoteAddr();
			userAgent = request.getHeader("User-Agent");
			if (userAgent != null && userAgent.length() > USER_AGENT_MAX) {
				userAgent = userAgent.substring(0, USER_AGENT_MAX);
			}
		}
		this.entries.insert(Ids.newId(), event, ip, userAgent, toJson(event.before()), toJson(event.after()),
				Times.now(this.clock));
	}

	private String toJson(Map<String, ?> values) {
		return values == null ? null : this.json.writeValueAsString(values);
	}

}
