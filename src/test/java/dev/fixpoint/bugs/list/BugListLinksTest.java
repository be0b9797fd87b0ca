package dev.fixpoint.bugs.list;

import java.util.List;

import dev.fixpoint.bugs.BugListRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BugListLinksTest {

	private static BugListRequest params(List<String> severity, String q, String sort, String cursor) {
		return BugListRequest.builder()
			.status(List.of("open", "in_progress"))
			.severity(severity)
			.assignee("me")
			.createdFrom("")
			.q(q)
			.sort(sort)
			.cursor(cursor)
			.build();
	}

	@Test
	void currentLinkUsesTheApiParameterNamesAndDropsEmptyOnes() {
		BugListLinks links = new BugListLinks("WEB", params(List.of("critical"), "login page", null, "abc"));
		assertThat(links.current()).isEqualTo(
				"/p/WEB/bugs?status=open&status=in_progress&severity=critical&assignee=me&q=login+page&cursor=abc");
	}

	@Test
	void firstAndNextPageKeepFiltersAndReplaceTheCursor() {
		BugListLinks links = new BugListLinks("WEB", params(List.of(), null, "-severity", "abc"));
		assertThat(links.firstPage())
			.isEqualTo("/p/WEB/bugs?status=open&status=in_progress&assignee=me&sort=-severity");
		assertThat(links.nextPage("xyz")).endsWith("&sort=-severity&cursor=xyz");
	}

	@Test
	void sortingAColumnPutsMostImportantFirstThenToggles() {
		BugListLinks unsorted = new BugListLinks("WEB", BugListRequest.empty());
		assertThat(unsorted.sortBy("severity")).isEqualTo("/p/WEB/bugs?sort=-severity");
		assertThat(unsorted.sortBy("updated")).isEqualTo("/p/WEB/bugs?sort=updated");
		assertThat(unsorted.ariaSort("updated")).isEqualTo("descending");
		BugListLinks bySeverity = new BugListLinks("WEB", params(List.of(), null, "-severity", "abc"));
		assertThat(bySeverity.sortBy("severity")).endsWith("sort=severity").doesNotContain("cursor");
		assertThat(bySeverity.ariaSort("severity")).isEqualTo("descending");
		assertThat(bySeverity.arrow("severity")).isEqualTo("↓");
		assertThat(bySeverity.ariaSort("priority")).isEqualTo("none");
		BugListLinks ascending = new BugListLinks("WEB", params(List.of(), null, "created", null));
		assertThat(ascending.sortBy("created")).endsWith("sort=-created");
		assertThat(ascending.arrow("created")).isEqualTo("↑");
	}

	@Test
	void clearingFiltersKeepsTheSort() {
		BugListLinks links = new BugListLinks("WEB", params(List.of("low"), "x", "priority", "abc"));
		assertThat(links.filtered()).isTrue();
		assertThat(links.clearFilters()).isEqualTo("/p/WEB/bugs?sort=priority");
		assertThat(new BugListLinks("WEB", BugListRequest.empty()).filtered()).isFalse();
	}

	@Test
	void eachActiveFilterIsAChipThatLinksToTheListWithoutIt() {
		BugListLinks links = new BugListLinks("WEB", params(List.of("critical"), "login page", "-severity", "abc"));
		assertThat(links.chips()).extracting(BugListLinks.Chip::label, BugListLinks.Chip::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Status", "open"),
					org.assertj.core.groups.Tuple.tuple("Status", "in_progress"),
					org.assertj.core.groups.Tuple.tuple("Severity", "critical"),
					org.assertj.core.groups.Tuple.tuple("Assignee", "me"),
					org.assertj.core.groups.Tuple.tuple("Search", "login page"));
		assertThat(links.chips().get(1).removeUrl())
			.isEqualTo("/p/WEB/bugs?status=open&severity=critical&assignee=me&q=login+page&sort=-severity");
		assertThat(new BugListLinks("WEB", BugListRequest.builder().severity(List.of("low")).build()).chips()
			.get(0)
			.removeUrl()).isEqualTo("/p/WEB/bugs");
		assertThat(new BugListLinks("WEB", BugListRequest.empty()).chips()).isEmpty();
	}

}
