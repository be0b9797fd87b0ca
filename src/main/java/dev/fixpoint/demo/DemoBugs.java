package dev.fixpoint.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.projects.Project;

import org.springframework.stereotype.Component;

/**
 * Files a project's demo bugs as its members and lets each one live up to its
 * {@link Fate}: the admin triages, the assignee works it through the workflow, QA
 * verifies or reopens. Every step is an ordinary edit, so the workflow's rules apply and
 * history is written as it would be for people.
 */
@Component
class DemoBugs {

	private static final List<String> DISMISSALS = List.of("duplicate", "cannot_reproduce", "wont_fix", "by_design");

	private final BugManagement bugs;

	private final Clock clock;

	DemoBugs(BugManagement bugs, Clock clock) {
		this.bugs = bugs;
		this.clock = clock;
	}

	/** Returns how many bugs were filed. */
	int file(DemoProject spec, Project project, Team team, Random random) {
		List<CurrentUser> workers = new ArrayList<>(List.of(team.admin()));
		List<CurrentUser> testers = new ArrayList<>();
		spec.members().forEach((username, role) -> {
			switch (role) {
				case "admin", "developer" -> workers.add(team.get(username));
				case "qa" -> testers.add(team.get(username));
				default -> {
				}
			}
		});
		Reports reports = new Reports(spec, random, LocalDate.now(this.clock));
		String ref = project.id().toString();
		for (int i = 0; i < spec.bugs(); i++) {
			boolean byTester = !testers.isEmpty() && random.nextInt(100) < 45;
			CurrentUser reporter = DemoProject.pick(random, byTester ? testers : workers);
			UUID assignee = !byTester && random.nextInt(3) == 0 ? DemoProject.pick(random, workers).id() : null;
			Bug bug = this.bugs.report(ref, reports.next(assignee), reporter);
			live(bug, Fate.draw(random), new Crew(team, workers), random);
		}
		return spec.bugs();
	}

	private record Crew(Team team, List<CurrentUser> workers) {
	}

	private void live(Bug bug, Fate fate, Crew crew, Random random) {
		if (fate == Fate.UNTRIAGED) {
			return;
		}
		CurrentUser admin = crew.team().admin();
		CurrentUser worker;
		if (bug.assignee() == null) {
			worker = DemoProject.pick(random, crew.workers());
			bug = edit(bug, admin, "assignee_id", worker.id().toString(), "priority", triagedPriority(bug));
		}
		else {
			worker = crew.team().byId(bug.assignee().id());
			if (random.nextInt(10) < 3) {
				bug = edit(bug, admin, "priority", triagedPriority(bug));
			}
		}
		switch (fate) {
			case TRIAGED -> {
				if (bug.dueDate() == null && random.nextInt(4) == 0) {
					edit(bug, admin, "due_date", LocalDate.now(this.clock).plusDays(14).toString());
				}
			}
			case IN_PROGRESS -> move(bug, worker, "in_progress");
			case IN_REVIEW -> move(move(bug, worker, "in_progress"), worker, "in_review");
			case DISMISSED -> dismiss(bug, worker, random);
			case FIXED -> fix(bug, worker);
			case CLOSED -> {
				Bug verified = edit(fix(bug, worker), crew.team().qa(), "verified_by",
						crew.team().qa().id().toString());
				move(verified, worker, "closed");
			}
			case REOPENED -> {
				Bug reopened = move(fix(bug, worker), crew.team().qa(), "open");
				if (random.nextBoolean()) {
					move(reopened, worker, "in_progress");
				}
			}
			case UNTRIAGED -> throw new IllegalStateException();
		}
	}

	private Bug fix(Bug bug, CurrentUser worker) {
		Bug inReview = move(move(bug, worker, "in_progress"), worker, "in_review");
		return edit(inReview, worker, "status", "resolved", "resolution", "fixed");
	}

	private Bug move(Bug bug, CurrentUser actor, String status) {
		return edit(bug, actor, "status", status);
	}

	/**
	 * The admin's call: what the severity suggests, so triage changes the reporter's
	 * guess where it differs.
	 */
	private static String triagedPriority(Bug bug) {
		return switch (bug.severity()) {
			case CRITICAL -> "P0";
			case HIGH -> "P1";
			case MEDIUM -> "P2";
			case LOW -> "P3";
		};
	}

	/**
	 * Resolved without a fix; a duplicate names an earlier bug of the project as the
	 * original.
	 */
	private Bug dismiss(Bug bug, CurrentUser worker, java.util.Random random) {
		String resolution = DemoProject.pick(random, DISMISSALS);
		if (!"duplicate".equals(resolution)) {
			return edit(bug, worker, "status", "resolved", "resolution", resolution);
		}
		if (bug.number() == 1) {
			return edit(bug, worker, "status", "resolved", "resolution", "cannot_reproduce");
		}
		String original = bug.key().substring(0, bug.key().lastIndexOf('-') + 1)
				+ (1 + random.nextInt(bug.number() - 1));
		return edit(bug, worker, "status", "resolved", "resolution", "duplicate", "duplicate_of", original);
	}

	private Bug edit(Bug bug, CurrentUser actor, String... fieldsAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return this.bugs.edit(bug.id().toString(), BugRules.parsePatch(body, null), actor);
	}

}
