package dev.fixpoint.mywork;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The lists of My work. A bug list is a query of the search language, so the same list is
 * a search away ({@code /search?q=...}, {@code GET /api/search?q=...}); watching comes
 * from notifications' watches.
 */
public enum WorkList {

	ASSIGNED("Assigned to you", "Open bugs assigned to you, most important first, then the soonest due",
			"No open bugs are assigned to you."),
	DUE_SOON("Due soon", "Your open bugs due within a week, or overdue, soonest first",
			"Nothing of yours is due this week."),
	SLA_AT_RISK("SLA at risk", "Open bugs of your projects whose SLA is at risk or breached, most important first",
			"No SLA is at risk in your projects."),
	REPORTED("Reported by you", "Open bugs you reported that someone else has, recently changed first",
			"No open bug you reported is with someone else."),
	WATCHING("Watching", "Bugs you watch or commented on, most recently followed first",
			"Watch a bug, or comment on it, to follow it here.");

	/** How far ahead "due soon" looks. */
	static final int DUE_SOON_DAYS = 7;

	private final String title;

	private final String description;

	private final String empty;

	WorkList(String title, String description, String empty) {
		this.title = title;
		this.description = description;
		this.empty = empty;
	}

	/** What an empty list says. */
	public String empty() {
		return this.empty;
	}

	public String title() {
		return this.title;
	}

	public String description() {
		return this.description;
	}

	/** The name in URLs: {@code due-soon}. */
	public String slug() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<WorkList> parse(String slug) {
		return Arrays.stream(values()).filter(l -> l.slug().equals(slug)).findFirst();
	}

	/**
	 * The search query of a bug list ({@code today}: the caller's day); empty for
	 * watching.
	 */
	public Optional<String> query(LocalDate today) {
		return Optional.ofNullable(switch (this) {
			case ASSIGNED -> "assignee:me is:open sort:urgency";
			case DUE_SOON -> "assignee:me is:open due:<=" + today.plusDays(DUE_SOON_DAYS) + " sort:due";
			case SLA_AT_RISK -> "is:open sla:at_risk,breached sort:-priority";
			case REPORTED -> "reporter:me -assignee:me is:open sort:-updated";
			case WATCHING -> null;
		});
	}

}
