package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.bugs.BugCriteria.Span;
import dev.fixpoint.bugs.BugCriteria.Terms;
import dev.fixpoint.platform.FieldError;
import dev.fixpoint.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BugListRequestTest {

	private static BugListRequest request() {
		return new BugListRequest(List.of("open,in_progress", " open "), List.of("critical"), null, "me", "ann", null,
				"API", "2026-10-01", "", null, null, null, null, "2026-12-31", "login page", "-priority", "abc", 10,
				List.of("breached"));
	}

	@Test
	void readsARequestsParametersByTheirApiNames() {
		Map<String, String[]> query = Map.of("status", new String[] { "open,in_progress", "open" }, "created_from",
				new String[] { "2026-10-01" }, "due_before", new String[] { "2026-12-31" }, "limit",
				new String[] { "10" }, "createdFrom", new String[] { "ignored" });
		BugListRequest r = BugListRequest.from(query::get);
		assertThat(r.status()).containsExactly("open", "in_progress");
		assertThat(r.createdFrom()).isEqualTo("2026-10-01");
		assertThat(r.dueBefore()).isEqualTo("2026-12-31");
		assertThat(r.limit()).isEqualTo(10);
		assertThat(r.queryString())
			.isEqualTo("status=open&status=in_progress&created_from=2026-10-01" + "&due_before=2026-12-31&limit=10");
		assertThat(BugListRequest.from(name -> null)).isEqualTo(BugListRequest.empty());
	}

	@Test
	void aLimitThatIsNoNumberIsAFieldError() {
		assertThatThrownBy(() -> BugListRequest.from(Map.of("limit", new String[] { "ten" })::get))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.fieldErrors()).extracting(FieldError::field).containsExactly("limit"));
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
