package dev.fixpoint.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.platform.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether a bug that was filed or changed belongs on the lists and boards this node
 * streams to. One question per distinct filter, never per viewer: an unfiltered list
 * shows every bug of its project (no query); lists with the same filters share one answer
 * ({@link ListFilter#group}), each a primary-key lookup of the one bug with the filters
 * ({@code BugQueries.matches}), however large the project.
 */
@Component
class ListMatches {

	private static final Logger log = LoggerFactory.getLogger(ListMatches.class);

	private final BugQueries bugs;

	ListMatches(BugQueries bugs) {
		this.bugs = bugs;
	}

	/** The answer for each {@link ListFilter#group} among {@code lists}. */
	Map<String, Boolean> of(UUID bugId, Collection<ListFilter> lists) {
		Map<String, Boolean> answers = new HashMap<>();
		for (ListFilter list : lists) {
			answers.computeIfAbsent(list.group(), group -> !list.filtered() || matches(bugId, list));
		}
		return answers;
	}

	private boolean matches(UUID bugId, ListFilter list) {
		try {
			return this.bugs.matches(bugId, list.request().criteria(), list.member());
		}
		catch (InvalidInputException ex) {
			// the page shows the filter's error and no bugs
			return false;
		}
		catch (DataAccessException ex) {
			// the database is away: say so rather than stay silent (the page fetches
			// what is there when asked)
			log.debug("Could not match bug {} against a list's filters", bugId, ex);
			return true;
		}
	}

}
