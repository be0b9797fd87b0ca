package dev.fixpoint.live;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.BugListRequest;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.Project;
import dev.fixpoint.projects.ProjectRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists that see the same bugs share one answer to "does the new bug belong here?": the
 * filters decide, not the page, the order or the viewer, unless a filter names "me".
 */
class ListFilterTest {

	private static final Project PROJECT = new Project(UUID.randomUUID(), null, "WEB", "Web", "web", null, false, null,
			null, null, false, null, false, null, null);

	private final Membership dora = member("dora");

	private final Membership eli = member("eli");

	@Test
	void theSameFiltersOnAnyPageInAnyOrderAreOneGroup() {
		ListFilter first = new ListFilter(this.dora,
				BugListRequest.builder().severity(List.of("critical")).sort("-priority").build());
		ListFilter deeper = new ListFilter(this.eli,
				BugListRequest.builder().severity(List.of("critical")).cursor("abc").limit(50).build());
		assertThat(first.group()).isEqualTo(deeper.group()).isEqualTo("severity=critical");
		assertThat(first.filtered()).isTrue();
	}

	@Test
	void anUnfilteredListShowsEveryBug() {
		ListFilter all = new ListFilter(this.dora, BugListRequest.builder().sort("due").build());
		assertThat(all.filtered()).isFalse();
		assertThat(all.group()).isEmpty();
	}

	@Test
	void filtersNamingMeAreEachViewersOwn() {
		ListFilter doras = new ListFilter(this.dora, BugListRequest.builder().assignee("me").build());
		ListFilter elis = new ListFilter(this.eli, BugListRequest.builder().assignee(" ME ").build());
		ListFilter doraByName = new ListFilter(this.eli, BugListRequest.builder().assignee("dora").build());
		assertThat(doras.group()).isNotEqualTo(elis.group()).startsWith("assignee=me|");
		assertThat(doraByName.group()).isEqualTo("assignee=dora");
	}

	private static Membership member(String name) {
		return new Membership(PROJECT, new CurrentUser(UUID.randomUUID(), name + "@example.test", name, name),
				ProjectRole.DEVELOPER);
	}

}
