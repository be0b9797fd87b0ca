package dev.fixpoint.mywork.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.mywork.MyWork;
import dev.fixpoint.mywork.ProjectCards;
import dev.fixpoint.mywork.ProjectCards.ProjectCard;
import dev.fixpoint.mywork.WorkList;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.projects.Project;
import dev.fixpoint.workflow.Workflow;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My work ({@code /}, where a signed-in person lands) and each of its lists on a page of
 * its own ({@code /my/{list}}, keyset-paginated).
 */
@Controller
class MyWorkController {

	/** Rows of each list on My work itself (the assigned list shows more). */
	private static final int FIRST_ROWS = 5;

	private static final int ASSIGNED_ROWS = 8;

	private static final int ACTIVITY_ROWS = 10;

	private static final int PAGE_ROWS = 25;

	private final MyWork work;

	private final ProjectCards cards;

	private final java.time.Clock clock;

	MyWorkController(MyWork work, ProjectCards cards, java.time.Clock clock) {
		this.work = work;
		this.cards = cards;
		this.clock = clock;
	}

	@GetMapping(MyWorkRoutes.HOME)
	String home(@Authenticated CurrentUser user, Model model) {
		List<ProjectCard> projects = this.cards.mine(user);
		Map<UUID, Project> byId = byId(projects);
		List<MyWorkView.Section> sections = java.util.Arrays.stream(WorkList.values()).map(list -> {
			int rows = list == WorkList.ASSIGNED ? ASSIGNED_ROWS : FIRST_ROWS;
			MyWork.ListPage page = this.work.list(list, null, rows, user);
			return new MyWorkView.Section(list, rows(page.bugs(), byId), page.nextCursor() != null);
		}).toList();
		model.addAttribute("view", new MyWorkView(user.name(), sections, this.work.activity(user, ACTIVITY_ROWS),
				projects, Times.now(this.clock)));
		return "mywork/home";
	}

	@GetMapping(MyWorkRoutes.LIST)
	String list(@PathVariable("list") String slug, @RequestParam(required = false) String cursor,
			@Authenticated CurrentUser user, Model model) {
		WorkList list = WorkList.parse(slug).orElseThrow(() -> NotFoundException.of("List"));
		MyWork.ListPage page = this.work.list(list, cursor, PAGE_ROWS, user);
		String next = page.nextCursor() == null ? null : MyWorkRoutes.list(list) + "?cursor=" + page.nextCursor();
		model.addAttribute("view", new WorkListView(list, page.query(), rows(page.bugs(), byId(this.cards.mine(user))),
				next, cursor == null || cursor.isBlank()));
		return "mywork/list";
	}

	private List<WorkRow> rows(List<Bug> bugs, Map<UUID, Project> projects) {
		java.time.LocalDate today = this.work.today();
		return bugs.stream().filter(b -> projects.containsKey(b.projectId())).map(b -> {
			Project project = projects.get(b.projectId());
			Workflow workflow = project.workflow();
			return new WorkRow(b, project.key(), workflow.nameOf(b.status()), workflow.categoryOf(b.status()).json(),
					today);
		}).toList();
	}

	private static Map<UUID, Project> byId(List<ProjectCard> cards) {
		Map<UUID, Project> byId = new HashMap<>();
		cards.forEach(c -> byId.put(c.project().id(), c.project()));
		return byId;
	}

}
