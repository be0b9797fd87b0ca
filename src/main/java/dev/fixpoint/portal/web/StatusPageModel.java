package dev.fixpoint.portal.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.portal.StatusPageView;

/** The status page: the known problems, the subscription form and what just happened. */
public record StatusPageModel(StatusPageView view, String notice, FormErrors errors, String email) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String feed() {
		return PortalRoutes.feed(this.view.slug());
	}

	public String json() {
		return "/api/status/" + this.view.slug();
	}

	public String subscribe() {
		return PortalRoutes.subscribe(this.view.slug());
	}

	public String when(Instant at) {
		return at == null ? "" : WHEN.format(at);
	}

	public String iso(Instant at) {
		return at == null ? "" : at.toString();
	}

}
