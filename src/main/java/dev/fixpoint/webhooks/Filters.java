package dev.fixpoint.webhooks;

import java.util.UUID;

import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.search.BugSearch;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A webhook's filter, evaluated for one bug the way a bug list filters (search's query
 * language to list criteria, one SQL query by id), as the owner ({@code me}). In a
 * savepoint of its own: a filter that no longer resolves (a person or component gone)
 * lets nothing through and is logged, without failing the other webhooks' deliveries.
 */
@Component
class Filters {

	private static final Logger log = LoggerFactory.getLogger(Filters.class);

	private final BugSearch search;

	private final BugQueries bugs;

	private final TransactionTemplate savepoint;

	Filters(BugSearch search, BugQueries bugs, PlatformTransactionManager transactions) {
		this.search = search;
		this.bugs = bugs;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	boolean passes(WebhookRow hook, UUID bugId, Membership owner) {
		if (hook.filter() == null) {
			return true;
		}
		try {
			return Boolean.TRUE.equals(this.savepoint
				.execute(s -> this.bugs.matches(bugId, this.search.criteria(hook.filter(), owner, "filter"), owner)));
		}
		catch (RuntimeException ex) {
			log.warn("Webhook {}: its filter '{}' cannot be evaluated ({}); nothing sent", hook.id(), hook.filter(),
					ex.getMessage());
			return false;
		}
	}

}
