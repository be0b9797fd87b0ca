package dev.fixpoint.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Priority;
import dev.fixpoint.bugs.Severity;

/**
 * Writes bug reports from a project's scenarios: slots filled from its phrase banks, an
 * environment, a severity that varies a little around the scenario's, a priority that
 * usually follows it, tags and sometimes a due date.
 */
final class Reports {

	private static final List<String> EXTRA_TAGS = List.of("regression", "customer-reported", "needs-info",
			"good-first-issue", "flaky", "release-blocker");

	private final DemoProject project;

	private final Random random;

	private final List<Scenario> deck = new ArrayList<>();

	Reports(DemoProject project, Random random) {
		this.project = project;
		this.random = random;
	}

	/**
	 * The next report; scenarios are dealt from a shuffled deck so each kind shows up
	 * about equally often.
	 */
	NewBug next(UUID assignee, LocalDate today) {
		if (this.deck.isEmpty()) {
			this.deck.addAll(this.project.scenarios());
			java.util.Collections.shuffle(this.deck, this.random);
		}
		Scenario s = this.deck.remove(this.deck.size() - 1);
		Map<String, String> environment = this.project.environment().draw(s, this.random);
		Map<String, String> chosen = new HashMap<>(environment);
		String title = reword(text(s.title(), chosen), environment);
		Severity severity = vary(s.severity());
		return new NewBug(title.length() > 200 ? title.substring(0, 200) : title, text(s.description(), chosen),
				text(s.steps(), chosen), text(s.expected(), chosen), text(s.actual(), chosen), environment, severity,
				priorityFor(severity), assignee, s.component(), tags(s), dueDate(severity, today));
	}

	/**
	 * People describe the same kind of bug in their own words: most titles get where or
	 * since when they saw it, or how often, so two reports of one scenario rarely read
	 * alike.
	 */
	private String reword(String title, Map<String, String> environment) {
		List<String> where = new ArrayList<>(environment.values());
		String somewhere = where.isEmpty() ? "staging" : DemoProject.pick(this.random, where);
		return switch (this.random.nextInt(10)) {
			case 0, 1, 2 -> title;
			case 3, 4 -> title + " (" + somewhere + ")";
			case 5 -> title + " on " + somewhere;
			case 6 -> "Intermittent: " + decapitalize(title);
			case 7 -> title + " since " + somewhere;
			case 8 -> "Regression: " + decapitalize(title) + " (" + somewhere + ")";
			default -> title + " for some customers (" + somewhere + ")";
		};
	}

	private static String decapitalize(String title) {
		return title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))
				? Character.toLowerCase(title.charAt(0)) + title.substring(1) : title;
	}

	private String text(String template, Map<String, String> chosen) {
		return Scenario.fill(template, this.project.banks(), chosen, this.random);
	}

	/**
	 * Mostly as the scenario says; sometimes the reporter judges it one step worse or
	 * milder.
	 */
	private Severity vary(Severity usual) {
		int roll = this.random.nextInt(100);
		int shift = roll < 12 ? -1 : roll < 27 ? 1 : 0;
		int index = Math.clamp(usual.ordinal() + shift, 0, Severity.values().length - 1);
		return Severity.values()[index];
	}

	private Priority priorityFor(Severity severity) {
		int base = switch (severity) {
			case CRITICAL -> 0;
			case HIGH -> 1;
			case MEDIUM -> 2;
			case LOW -> 3;
		};
		int roll = this.random.nextInt(100);
		int index = Math.clamp(base + (roll < 15 ? 1 : roll < 25 ? -1 : 0), 0, 3);
		return Priority.values()[index];
	}

	private List<String> tags(Scenario s) {
		List<String> tags = new ArrayList<>(s.tags());
		if (this.random.nextInt(4) == 0) {
			String extra = DemoProject.pick(this.random, EXTRA_TAGS);
			if (!tags.contains(extra)) {
				tags.add(extra);
			}
		}
		return tags;
	}

	/** Urgent bugs often get a date (some already overdue); others rarely do. */
	private LocalDate dueDate(Severity severity, LocalDate today) {
		boolean urgent = severity == Severity.CRITICAL || severity == Severity.HIGH;
		if (this.random.nextInt(100) >= (urgent ? 55 : 12)) {
			return null;
		}
		return urgent ? today.plusDays(this.random.nextInt(24) - 5) : today.plusDays(7 + this.random.nextInt(60));
	}

}
