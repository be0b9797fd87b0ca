package dev.fixpoint.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.Branding;
import dev.fixpoint.portal.StatusEntry;
import dev.fixpoint.portal.StatusPageView;

/**
 * The status page: the known problems, the subscription forms (the page's, and each
 * entry's "follow") and what just happened. {@code entry}: the entry whose follow form
 * {@code notice}, {@code errors} and {@code email} are about (null: the page's form);
 * {@code branding}: the organization's.
 */
public record StatusPageModel(StatusPageView view, String notice, FormErrors errors, String email, UUID entry,
		Branding branding) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String feed() {
		return PortalRoutes.feed(this.view.slug());
	}

	public String rss() {
		return PortalRoutes.rss(this.view.slug());
	}

	public String json() {
		return "/api/status/" + this.view.slug();
	}

	public String subscribe() {
		return PortalRoutes.subscribe(this.view.slug());
	}

	public String followAction(StatusEntry entry) {
		return PortalRoutes.follow(this.view.slug(), entry.id());
	}

	/** Whether this is the entry whose follow form was just sent or refused. */
	public boolean about(StatusEntry entry) {
		return entry.id().equals(this.entry);
	}

	/** The page's own subscription form's notice and errors (not an entry's). */
	public boolean pageForm() {
		return this.entry == null;
	}

	public String when(Instant at) {
		return at == null ? "" : WHEN.format(at);
	}

	public String iso(Instant at) {
		return at == null ? "" : at.toString();
	}

}
