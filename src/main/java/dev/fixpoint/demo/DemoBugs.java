package dev.fixpoint.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.comments.NewComment;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Times;
import dev.fixpoint.projects.Project;
import dev.fixpoint.sla.SlaEscalations;

import org.springframework.stereotype.Component;

/**
 * Files a project's demo bugs as its members across the last months and lets each one
 * live up to its {@link Fate}, step by step in time order ({@link Timeline}): the admin
 * triages, the assignee works it through the workflow, QA verifies or reopens, people
 * comment and @mention each other on the way. Every step is an ordinary use case run
 * backdated to its moment, so the workflow's rules apply and history, SLA clocks and
 * their escalations, rollups and notifications carry believable times. Bugs filed lately
 * are still young: a step that would come after now never happens.
 */
@Component
class DemoBugs {

	/** How far back the story starts. */
	static final Duration HISTORY = Duration.ofDays(120);

	private static final List<String> DISMISSALS = List.of("duplicate", "cannot_reproduce", "wont_fix", "by_design");

	/** A bug filed by the demo: where to attach files to and watch it afterwards. */
	record Filed(UUID bugId, String key, CurrentUser reporter, Instant at) {
	}

	private final BugManagement bugs;

	private final Comments comments;

	private final SlaEscalations escalations;

	private final Clock clock;

	DemoBugs(BugManagement bugs, Comments comments, SlaEscalations escalations, Clock clock) {
		this.bugs = bugs;
		this.comments = comments;
		this.escalations = escalations;
		this.clock = clock;
	}

	/** One bug's life so far. */
	private static final class Life {

		Bug bug;

		final Fate fate;

		final CurrentUser reporter;

		CurrentUser worker;

		Life(Bug bug, Fate fate, CurrentUser reporter) {
			this.bug = bug;
			this.fate = fate;
			this.reporter = reporter;
		}

		/**
		 * How fast the team moves on it: urgent bugs are picked up and fixed within their
		 * SLA most of the time, the rest when there is time.
		 */
		double pace() {
			return switch (this.bug.severity()) {
				case CRITICAL -> 0.08;
				case HIGH -> 0.3;
				case MEDIUM -> 0.8;
				case LOW -> 1.3;
			};
		}

	}

	/** What one project's story needs at every step. */
	private record Story(DemoProject spec, Project project, Team team, List<CurrentUser> workers,
			List<CurrentUser> testers, Random random, Reports reports, Timeline timeline, List<Filed> filed) {
	}

	/** Files and lives the project's bugs; returns them in filing order. */
	List<Filed> file(DemoProject spec, Project project, Team team, Random random) {
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
		Instant end = Times.now(this.clock).minus(Duration.ofMinutes(10));
		Instant start = end.minus(HISTORY);
		Timeline timeline = new Timeline(end, day -> this.escalations.escalate(day));
		Story story = new Story(spec, project, team, workers, testers, random, new Reports(spec, random), timeline,
				new ArrayList<>());
		for (int i = 0; i < spec.bugs(); i++) {
			// spread over the months, a little busier lately (a growing product)
			double share = Math.sqrt((i + random.nextDouble()) / spec.bugs());
			timeline.at(start.plusSeconds((long) (HISTORY.toSeconds() * share)), () -> fileOne(story));
		}
		timeline.play();
		return story.filed();
	}

	private void fileOne(Story s) {
		boolean byTester = !s.testers().isEmpty() && s.random().nextInt(100) < 45;
		CurrentUser reporter = DemoProject.pick(s.random(), byTester ? s.testers() : s.workers());
		UUID assignee = !byTester && s.random().nextInt(3) == 0 ? DemoProject.pick(s.random(), s.workers()).id() : null;
		Bug bug = this.bugs.report(s.project().id().toString(), s.reports().next(assignee, today()), reporter);
		s.filed().add(new Filed(bug.id(), bug.key(), reporter, now()));
		Life life = new Life(bug, Fate.draw(s.random()), reporter);
		if (life.fate == Fate.UNTRIAGED) {
			if (s.random().nextInt(4) == 0) {
				later(s, life, 20, 120, () -> comment(s, life, reporter, Conversation.REPORTER_REPLY));
			}
			return;
		}
		later(s, life, 2, 30, () -> triage(s, life));
	}

	private void triage(Story s, Life life) {
		CurrentUser admin = s.team().admin();
		if (life.bug.assignee() == null) {
			life.worker = DemoProject.pick(s.random(), s.workers());
			life.bug = edit(life.bug, admin, "assignee_id", life.worker.id().toString(), "priority",
					triagedPriority(life.bug));
		}
		else {
			life.worker = s.team().byId(life.bug.assignee().id());
			if (s.random().nextInt(10) < 3) {
				life.bug = edit(life.bug, admin, "priority", triagedPriority(life.bug));
			}
		}
		if (s.random().nextBoolean() && !admin.equals(life.worker)) {
			comment(s, life, admin, Conversation.TRIAGE);
		}
		switch (life.fate) {
			case TRIAGED -> {
				if (life.bug.dueDate() == null && s.random().nextInt(4) == 0) {
					life.bug = edit(life.bug, admin, "due_date", today().plusDays(14).toString());
				}
				if (s.random().nextInt(3) == 0) {
					later(s, life, 24, 150, () -> comment(s, life, life.reporter, Conversation.REPORTER_REPLY));
				}
			}
			case DISMISSED -> later(s, life, 24, 72, () -> dismiss(s, life));
			default -> later(s, life, 12, 72, () -> start(s, life));
		}
	}

	private void start(Story s, Life life) {
		life.bug = move(life.bug, life.worker, "in_progress");
		if (s.random().nextInt(10) < 6) {
			comment(s, life, life.worker, Conversation.STARTED);
			if (s.random().nextInt(3) == 0 && !life.reporter.equals(life.worker)) {
				later(s, life, 3, 20, () -> comment(s, life, life.reporter, Conversation.REPORTER_REPLY));
			}
		}
		if (life.fate != Fate.IN_PROGRESS) {
			later(s, life, 24, 96, () -> review(s, life));
		}
	}

	private void review(Story s, Life life) {
		life.bug = move(life.bug, life.worker, "in_review");
		if (s.random().nextInt(10) < 6) {
			comment(s, life, life.worker, Conversation.IN_REVIEW);
		}
		if (life.fate != Fate.IN_REVIEW) {
			later(s, life, 4, 30, () -> fix(s, life));
		}
	}

	private void fix(Story s, Life life) {
		life.bug = edit(life.bug, life.worker, "status", "resolved", "resolution", "fixed");
		if (s.random().nextBoolean()) {
			comment(s, life, life.worker, Conversation.FIXED);
		}
		switch (life.fate) {
			case CLOSED -> later(s, life, 24, 72, () -> verify(s, life));
			case REOPENED -> later(s, life, 24, 72, () -> reopen(s, life));
			default -> {
			}
		}
	}

	private void verify(Story s, Life life) {
		CurrentUser qa = s.team().qa();
		life.bug = edit(life.bug, qa, "verified_by", qa.id().toString());
		comment(s, life, qa, Conversation.VERIFIED);
		later(s, life, 1, 20, () -> life.bug = move(life.bug, life.worker, "closed"));
	}

	private void reopen(Story s, Life life) {
		CurrentUser qa = s.team().qa();
		life.bug = move(life.bug, qa, "open");
		comment(s, life, qa, Conversation.REOPENED);
		if (s.random().nextBoolean()) {
			later(s, life, 12, 48, () -> life.bug = move(life.bug, life.worker, "in_progress"));
		}
	}

	/**
	 * Resolved without a fix, said why; a duplicate names an earlier bug of the project
	 * as the original.
	 */
	private void dismiss(Story s, Life life) {
		String resolution = DemoProject.pick(s.random(), DISMISSALS);
		Bug bug = life.bug;
		if ("duplicate".equals(resolution) && bug.number() == 1) {
			resolution = "cannot_reproduce";
		}
		if ("duplicate".equals(resolution)) {
			String original = bug.key().substring(0, bug.key().lastIndexOf('-') + 1)
					+ (1 + s.random().nextInt(bug.number() - 1));
			life.bug = edit(bug, life.worker, "status", "resolved", "resolution", "duplicate", "duplicate_of",
					original);
		}
		else {
			life.bug = edit(bug, life.worker, "status", "resolved", "resolution", resolution);
		}
		comment(s, life, life.worker, Conversation.DISMISSED.get(resolution));
	}

	private void comment(Story s, Life life, CurrentUser author, List<String> lines) {
		Map<String, String> slots = new LinkedHashMap<>();
		slots.put("reporter", life.reporter.username());
		slots.put("worker", life.worker == null ? s.team().admin().username() : life.worker.username());
		slots.put("tester", (s.testers().isEmpty() ? s.team().qa() : s.testers().get(0)).username());
		slots.put("component", life.bug.component() == null ? "this" : life.bug.component());
		slots.put("env", life.bug.environment().values().stream().limit(2).collect(Collectors.joining(", ")));
		String text = Conversation.say(lines, slots, s.random());
		this.comments.add(life.bug.id().toString(), new NewComment(text, false, null), author);
	}

	/**
	 * Schedules the next step of a life between {@code minHours} and {@code maxHours}
	 * from now, at the bug's pace.
	 */
	private void later(Story s, Life life, int minHours, int maxHours, Runnable step) {
		long minutes = 60L * minHours + s.random().nextInt(Math.max(1, 60 * (maxHours - minHours)));
		s.timeline().after(now(), Duration.ofMinutes(Math.max(5, (long) (minutes * life.pace()))), step);
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

	private Bug move(Bug bug, CurrentUser actor, String status) {
		return edit(bug, actor, "status", status);
	}

	private Bug edit(Bug bug, CurrentUser actor, String... fieldsAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < fieldsAndValues.length; i += 2) {
			body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return this.bugs.edit(bug.id().toString(), BugRules.parsePatch(body, null), actor);
	}

	/** The story's current moment (the step's, backdated). */
	private Instant now() {
		return Times.now(this.clock);
	}

	private LocalDate today() {
		return now().atOffset(ZoneOffset.UTC).toLocalDate();
	}

}
