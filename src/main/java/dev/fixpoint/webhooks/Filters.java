package dev.fixpoint.webhooks;

import java.util.UUID;

import dev.fixpoint.projects.Membership;
import dev.fixpoint.search.BugSearch;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A webhook's filter, evaluated for one bug the way a bug list filters
 * ({@link BugSearch#matches}), as the owner ({@code me}): a filter that no longer
 * resolves (a person or component gone) lets nothing through and is logged, without
 * failing the other webhooks' deliveries.
 */
@Component
class Filters {

	private static final Logger log = LoggerFactory.getLogger(Filters.class);

	private final BugSearch search;

	Filters(BugSearch search) {
		this.search = search;
	}

	boolean passes(WebhookRow hook, UUID bugId, Membership owner) {
		if (hook.filter() == null) {
			return true;
		}
		try {
			return this.search.matches(bugId, hook.filter(), owner, "filter");
		}
		catch (RuntimeException ex) {
			log.warn("Webhook {}: its filter '{}' cannot be evaluated ({}); nothing sent", hook.id(), hook.filter(),
					ex.getMessage());
			return false;
		}
	}

}
