package dev.fixpoint.webhooks.web;

import java.util.List;
import java.util.Set;

import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.projects.Capabilities;
import dev.fixpoint.webhooks.Webhook;
import dev.fixpoint.webhooks.WebhookDelivery;
import dev.fixpoint.webhooks.WebhookEvent;

/** The template parameters of the webhook settings pages, and their routes. */
public final class WebhookPages {

	private WebhookPages() {
	}

	public static String list(String projectKey) {
		return "/p/" + projectKey + "/settings/webhooks";
	}

	public static String one(String projectKey, Object webhookId) {
		return list(projectKey) + "/" + webhookId;
	}

	/** One event's checkbox. */
	public record EventOption(String key, boolean checked) {
	}

	/** The add form as typed (after a refusal) or empty. */
	public record Typed(String url, Set<String> events, String filter, boolean internalNotes) {

		static final Typed EMPTY = new Typed("", Set.of("bug.created"), "", false);

		/** The events about bugs ({@code true}) or about releases ({@code false}). */
		public List<EventOption> options(boolean aboutBugs) {
			return WebhookEvent.subscribable()
				.stream()
				.filter(e -> e.aboutBugs() == aboutBugs)
				.map(e -> new EventOption(e.key(), this.events.contains(e.key())))
				.toList();
		}

	}

	/**
	 * The list and the add form. {@code newSecret}: the secret just generated, shown this
	 * once.
	 */
	public record ListView(Capabilities can, List<Webhook> webhooks, Typed typed, FormErrors errors, String newSecret,
			String notice) {

		public String projectKey() {
			return this.can.projectKey();
		}

		public String action() {
			return list(projectKey());
		}

		public String link(Webhook hook) {
			return one(projectKey(), hook.id());
		}

	}

	/** One webhook with its delivery log. */
	public record DetailView(Capabilities can, Webhook webhook, List<WebhookDelivery> deliveries, String notice) {

		public String projectKey() {
			return this.can.projectKey();
		}

		public String base() {
			return one(projectKey(), this.webhook.id());
		}

		public String back() {
			return list(projectKey());
		}

	}

}
