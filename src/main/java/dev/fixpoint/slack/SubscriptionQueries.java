package dev.fixpoint.slack;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.search.BugSearch;
import dev.fixpoint.search.QueryLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * A subscription's query, in the search language, read the way a bug list filters
 * ({@link BugSearch#matches}): checked when it is saved, and evaluated for one bug only
 * when an event the subscription wants would post a new message. A query that no longer
 * resolves (a component renamed, a person gone) lets nothing through and is logged,
 * without failing the delivery for the other channels.
 */
@Component
class SubscriptionQueries {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionQueries.class);

	/** No bug has it: resolving a query against it only checks the query. */
	private static final UUID NO_BUG = new UUID(0, 0);

	static final String FIELD = "query";

	private final BugSearch search;

	SubscriptionQueries(BugSearch search) {
		this.search = search;
	}

	/**
	 * The query to save (stripped), or null for none.
	 * @throws InvalidInputException on {@code query}: too long, does not parse (the
	 * parser's reason), names {@code me}, or a status, person, component or release the
	 * project does not have
	 */
	String checked(String query, Membership admin) {
		if (query == null || query.isBlank()) {
			return null;
		}
		String stripped = query.strip();
		if (stripped.length() > QueryLanguage.MAX_LENGTH) {
			throw InvalidInputException.of(FIELD, "must be at most " + QueryLanguage.MAX_LENGTH + " characters");
		}
		BugCriteria criteria = this.search.criteria(stripped, admin, FIELD);
		if (Stream.of(criteria.assignee(), criteria.reporter())
			.flatMap(t -> Stream.concat(t.any().stream(), t.none().stream()))
			.anyMatch(BugCriteria.ME::equalsIgnoreCase)) {
			throw InvalidInputException.of(FIELD,
					"must not say 'me' (nobody, in a channel): name the person, e.g. assignee:ann");
		}
		try {
			this.search.matches(NO_BUG, stripped, admin, FIELD);
		}
		catch (InvalidInputException ex) {
			throw InvalidInputException.of(FIELD, reasons(ex.fieldErrors()));
		}
		return stripped;
	}

	/** Whether the bug matches the subscription's query (true without one). */
	boolean passes(ChannelSubscription subscription, UUID bugId, Membership slack) {
		if (subscription.query() == null) {
			return true;
		}
		try {
			return this.search.matches(bugId, subscription.query(), slack, FIELD);
		}
		catch (RuntimeException ex) {
			log.warn("Slack subscription {}: its query '{}' cannot be evaluated ({}); nothing posted",
					subscription.id(), subscription.query(), ex.getMessage());
			return false;
		}
	}

	private static String reasons(List<FieldError> errors) {
		return "does not fit this project: " + (errors.isEmpty() ? "a name it does not know"
				: errors.stream().map(FieldError::message).distinct().collect(Collectors.joining("; ")));
	}

}
