package dev.fixpoint.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.SecretBox;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.search.BugSearch;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adding, listing, changing and removing a project's webhooks: its administrators only
 * (project admins, organization admins), other members 403, everybody else 404. URLs are
 * http(s) with a host; events from the catalogue; the filter must parse in the search
 * language. The secret is sealed at rest and shown once, when generated.
 */
@Service
public class Webhooks {

	static final String SECRET_PURPOSE = "webhook";

	private final WebhookRepository webhooks;

	private final Owners owners;

	private final ProjectAccess access;

	private final Collaborators with;

	/** What validating and sealing need, kept together (constructor of four). */
	@org.springframework.stereotype.Component
	record Collaborators(BugSearch search, SecretBox secrets, Listening listening, Clock clock) {
	}

	Webhooks(WebhookRepository webhooks, Owners owners, ProjectAccess access, Collaborators with) {
		this.webhooks = webhooks;
		this.owners = owners;
		this.access = access;
		this.with = with;
	}

	@Transactional(readOnly = true)
	public List<Webhook> list(String projectRef, CurrentUser user) {
		Membership admin = this.access.administration(projectRef, user);
		return this.webhooks.ofProject(admin.projectId()).stream().map(WebhookRow::view).toList();
	}

	@Transactional(readOnly = true)
	public Webhook get(UUID id, CurrentUser user) {
		return this.owners.manage(id, user).webhook().view();
	}

	@Transactional
	public Webhook add(String projectRef, NewWebhook hook, CurrentUser user) {
		Membership admin = this.access.administration(projectRef, user);
		List<FieldError> errors = new ArrayList<>();
		String url = url(hook.url(), errors);
		List<String> events = events(hook.events(), errors);
		Optional<String> secret = secret(hook.secret(), errors);
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		String filter = filter(hook.filter(), admin);
		String plain = secret.orElseGet(this.with.secrets()::newSecret);
		Instant now = Times.now(this.with.clock());
		WebhookRow row = new WebhookRow(Ids.newId(), admin.projectId(), user.id(), url, events, filter,
				Boolean.TRUE.equals(hook.internalNotes()), this.with.secrets().seal(SECRET_PURPOSE, plain), true, null,
				now, now);
		this.webhooks.insert(row);
		this.with.listening().changed(row.projectId());
		return secret.isPresent() ? row.view() : row.view().withSecret(plain);
	}

	@Transactional
	public Webhook change(UUID id, WebhookChanges changes, CurrentUser user) {
		Owners.Managed managed = this.owners.manage(id, user);
		WebhookRow old = managed.webhook();
		List<FieldError> errors = new ArrayList<>();
		String url = changes.url() == null ? old.url() : url(changes.url(), errors);
		List<String> events = changes.events() == null ? old.events() : events(changes.events(), errors);
		Optional<String> secret = changes.secret() == null ? Optional.empty() : secret(changes.secret(), errors);
		if (!errors.isEmpty()) {
			throw InvalidInputException.of(errors);
		}
		String filter = changes.filter() == null ? old.filter() : filter(changes.filter(), managed.admin());
		boolean active = changes.active() == null ? old.active() : changes.active();
		WebhookRow row = new WebhookRow(old.id(), old.projectId(), old.ownerId(), url, events, filter,
				changes.internalNotes() == null ? old.internalNotes() : changes.internalNotes(),
				secret.map(s -> this.with.secrets().seal(SECRET_PURPOSE, s)).orElse(old.secret()), active,
				active ? null : (old.active() ? "Disabled by an admin" : old.disabledReason()), old.createdAt(),
				Times.now(this.with.clock()));
		this.webhooks.update(row);
		this.with.listening().changed(row.projectId());
		return row.view();
	}

	@Transactional
	public void remove(UUID id, CurrentUser user) {
		WebhookRow row = this.owners.manage(id, user).webhook();
		this.webhooks.delete(row.id());
		this.with.listening().changed(row.projectId());
	}

	static String url(String value, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldError("url", "is required"));
			return null;
		}
		String url = value.strip();
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!scheme.equals("http") && !scheme.equals("https")) {
				errors.add(new FieldError("url", "must be an http or https URL"));
			}
			else if (uri.getHost() == null || uri.getHost().isBlank()) {
				errors.add(new FieldError("url", "is not a valid URL (it needs a host)"));
			}
			else if (url.length() > 2000) {
				errors.add(new FieldError("url", "is longer than 2000 characters"));
			}
		}
		catch (URISyntaxException ex) {
			errors.add(new FieldError("url", "is not a valid URL: " + ex.getReason()));
		}
		return url;
	}

	static List<String> events(List<String> values, List<FieldError> errors) {
		if (values == null || values.isEmpty()) {
			errors.add(new FieldError("events", "needs at least one event"));
			return List.of();
		}
		LinkedHashSet<String> events = new LinkedHashSet<>();
		for (String value : values) {
			Optional<WebhookEvent> event = WebhookEvent.parse(value == null ? "" : value.strip());
			if (event.isEmpty()) {
				errors.add(new FieldError("events", "unknown event '" + value + "'; known: "
						+ String.join(", ", WebhookEvent.subscribable().stream().map(WebhookEvent::key).toList())));
			}
			else if (event.get() != WebhookEvent.PING) {
				events.add(event.get().key());
			}
		}
		return List.copyOf(events);
	}

	private static Optional<String> secret(String value, List<FieldError> errors) {
		if (value == null) {
			return Optional.empty();
		}
		if (value.isBlank() || value.length() > 256) {
			errors.add(new FieldError("secret", "must be 1 to 256 characters, not only spaces"));
		}
		return Optional.of(value);
	}

	/** A filter that parses in the project (its statuses), or null for none. */
	private String filter(String value, Membership admin) {
		if (value == null || value.isBlank()) {
			return null;
		}
		this.with.search().criteria(value.strip(), admin, "filter");
		return value.strip();
	}

}
