package dev.fixpoint.mywork.web;

import java.time.Instant;
import java.util.List;

import dev.fixpoint.bugs.RecentChange;
import dev.fixpoint.mywork.ProjectCards.ProjectCard;
import dev.fixpoint.mywork.WorkList;
import dev.fixpoint.platform.web.Dates;

/**
 * My work at {@code /}: the lists (their first rows), recent activity, project cards.
 */
public record MyWorkView(String name, List<Section> sections, List<RecentChange> activity, List<ProjectCard> projects,
		Instant now) {

	/** The first rows of a list, and where the rest is. */
	public record Section(WorkList list, List<WorkRow> rows, boolean more) {

		public String id() {
			return "my-" + this.list.slug();
		}

		public String url() {
			return MyWorkRoutes.list(this.list);
		}

	}

	public Section section(WorkList list) {
		return this.sections.stream().filter(s -> s.list() == list).findFirst().orElseThrow();
	}

	public String ago(Instant time) {
		return Dates.ago(time, this.now);
	}

	public String exact(Instant time) {
		return Dates.exact(time);
	}

	public String bugsUrl(ProjectCard card) {
		return "/p/" + card.project().key() + "/bugs";
	}

	public String mineUrl(ProjectCard card) {
		return "/p/" + card.project().key() + "/bugs?assignee=me";
	}

	public String bugUrl(RecentChange change) {
		return "/bugs/" + change.bugKey();
	}

	/** Nothing at all to show in the lists: a new person. */
	public boolean nothingYet() {
		return this.sections.stream().allMatch(s -> s.rows().isEmpty()) && this.activity.isEmpty();
	}

}
