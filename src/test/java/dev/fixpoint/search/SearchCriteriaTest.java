package dev.fixpoint.search;

import java.time.LocalDate;
import java.util.List;

import dev.fixpoint.bugs.BugCriteria;
import dev.fixpoint.bugs.BugCriteria.Span;
import dev.fixpoint.bugs.BugCriteria.Terms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parsed query becomes the same criteria the bug list uses; nothing is looked up here.
 */
class SearchCriteriaTest {

	private static BugCriteria criteria(String query) {
		return BugSearch.criteria(QueryLanguage.parse(query, QueryContext.anyStatus(LocalDate.of(2026, 10, 15))));
	}

	@Test
	void includesAndExcludesEveryField() {
		BugCriteria c = criteria("status:open -status:closed severity:critical priority:P0 -tag:flaky tag:ui "
				+ "reporter:me component:api sla:breached login");
		assertThat(c.status()).isEqualTo(new Terms(List.of("open"), List.of("closed")));
		assertThat(c.severity().any()).containsExactly("critical");
		assertThat(c.priority().any()).containsExactly("P0");
		assertThat(c.tag()).isEqualTo(new Terms(List.of(), List.of("flaky")));
		assertThat(c.anyTag()).as("values of one field are alternatives, tags too").containsExactly("ui");
		assertThat(c.reporter().any()).containsExactly("me");
		assertThat(c.component().any()).containsExactly("api");
		assertThat(c.sla().any()).containsExactly("breached");
		assertThat(c.text()).isEqualTo("login");
		assertThat(c.errorsOn()).as("a query reports its errors on q").isEqualTo("q");
	}

	@Test
	void relationsAndReleasesBecomeTheListsCriteria() {
		BugCriteria c = criteria("is:blocked -is:blocking -has:parent parent:WEB-7 fixed_in:1.4 -affects:1.3");
		assertThat(c.links()).isEqualTo(new BugCriteria.Links(true, false, false, "WEB-7"));
		assertThat(c.fixedIn()).isEqualTo(new Terms(List.of("1.4"), List.of()));
		assertThat(c.affects()).isEqualTo(new Terms(List.of(), List.of("1.3")));
		assertThat(criteria("x").links()).isEqualTo(BugCriteria.Links.ANY);
	}

	@Test
	void unassignedSpeaksThroughNone() {
		assertThat(criteria("is:unassigned assignee:me x").assignee())
			.isEqualTo(new Terms(List.of(BugCriteria.NONE), List.of()));
		assertThat(criteria("-assignee:none x").assignee().none()).containsExactly("none");
	}

	@Test
	void openAndClosedBecomeDone() {
		assertThat(criteria("is:open x").done()).isFalse();
		assertThat(criteria("is:closed x").done()).isTrue();
		assertThat(criteria("x").done()).isNull();
	}

	@Test
	void dayRangesBecomeInclusiveDaysLikeTheListsParameters() {
		// created:2026-10-01 is the whole day: from that day up to and including it
		assertThat(criteria("created:2026-10-01 x").created()).isEqualTo(new Span("2026-10-01", "2026-10-01"));
		assertThat(criteria("updated:>2026-10-01 x").updated()).isEqualTo(new Span("2026-10-02", null));
		assertThat(criteria("created:<2026-10-01 x").created()).isEqualTo(new Span(null, "2026-09-30"));
		// due keeps the list's "before" (exclusive) form
		BugCriteria due = criteria("due:2026-12-31 x");
		assertThat(due.dueFrom()).isEqualTo("2026-12-31");
		assertThat(due.dueBefore()).isEqualTo("2027-01-01");
	}

}
