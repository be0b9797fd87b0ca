package dev.fixpoint.bugs;

import java.util.List;

import dev.fixpoint.bugs.BugCriteria.Span;
import dev.fixpoint.bugs.BugCriteria.Terms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BugListRequestTest {

	private static BugListRequest request() {
		return new BugListRequest(List.of("open,in_progress", " open "), List.of("critical"), null, "me", "ann", null,
				"API", "2026-10-01", "", null, null, "2026-12-31", "login page", "-priority", "abc", 10,
				List.of("breached"));
	}

	@Test
	void multiValuedParametersTakeRepeatsAndCommasOnce() {
		assertThat(request().status()).containsExactly("open", "in_progress");
		assertThat(BugListRequest.empty().status()).isEmpty();
	}

	@Test
	void writesItselfBackAsACanonicalQueryString() {
		assertThat(request().queryString()).isEqualTo("status=open&status=in_progress&severity=critical&assignee=me"
				+ "&reporter=ann&component=API&created_from=2026-10-01&due_before=2026-12-31&sla=breached"
				+ "&q=login+page&sort=-priority&cursor=abc&limit=10");
		assertThat(BugListRequest.empty().queryString()).isEmpty();
	}

	@Test
	void saysWhatItFiltersByAsCriteria() {
		BugCriteria c = request().criteria();
		assertThat(c.status()).isEqualTo(Terms.any(List.of("open", "in_progress")));
		assertThat(c.assignee()).isEqualTo(Terms.any("me"));
		assertThat(c.component()).isEqualTo(Terms.any("API"));
		assertThat(c.created()).isEqualTo(new Span("2026-10-01", ""));
		assertThat(c.dueBefore()).isEqualTo("2026-12-31");
		assertThat(c.text()).isEqualTo("login page");
		assertThat(c.errorsOn()).as("each parameter reports its own errors").isNull();
		assertThat(BugListRequest.empty().criteria().assignee().isEmpty()).isTrue();
	}

	@Test
	void filteredIgnoresTheSortAndThePage() {
		assertThat(BugListRequest.builder().sort("-created").cursor("x").limit(5).build().filtered()).isFalse();
		assertThat(request().filtered()).isTrue();
	}

	@Test
	void clearingFiltersKeepsTheSortAndPageSizeOnly() {
		BugListRequest cleared = request().toBuilder().clearFilters().build();
		assertThat(cleared.queryString()).isEqualTo("sort=-priority&limit=10");
	}

}
