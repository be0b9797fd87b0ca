package dev.fixpoint.bugs.web;

/** The bug pages' URLs and element ids, shared by controllers and templates. */
public final class BugRoutes {

	/**
	 * The list's results fragment (table, pager, messages): the htmx target of the
	 * filters.
	 */
	public static final String RESULTS_ID = "bug-results";

	/**
	 * The filter form; inputs outside it (the current sort) join it with
	 * {@code form="bug-filters"}.
	 */
	public static final String FILTERS_ID = "bug-filters";

	/**
	 * The whole bug on its page: header, report, sidebar and history; inline edits
	 * replace it.
	 */
	public static final String BUG_ID = "bug";

	/**
	 * The bulk change form below the list; the row checkboxes join it with
	 * {@code form="bulk-form"}.
	 */
	public static final String BULK_FORM_ID = "bulk-form";

	public static final String HISTORY_ID = "bug-history";

	/** The timeline and the comment form; posting a comment (htmx) replaces it. */
	public static final String ACTIVITY_ID = "bug-activity";

	/**
	 * The board's columns (and its messages): what a move or a filter change replaces.
	 */
	public static final String BOARD_ID = "board";

	/**
	 * The one dialog asking for the fields a transition needs (board and bug page alike).
	 */
	public static final String MOVE_DIALOG_ID = "move-dialog";

	/** The status panel of a bug page. */
	public static final String STATUS_ID = "status";

	public static final String TRIAGE_ID = "triage";

	private BugRoutes() {
	}

	public static String list(String projectKey) {
		return "/p/" + projectKey + "/bugs";
	}

	public static String board(String projectKey) {
		return "/p/" + projectKey + "/board";
	}

	public static String boardMove(String projectKey) {
		return board(projectKey) + "/move";
	}

	public static String triage(String projectKey) {
		return "/p/" + projectKey + "/triage";
	}

	public static String triageAssign(String projectKey) {
		return triage(projectKey) + "/assign";
	}

	public static String newBug(String projectKey) {
		return "/p/" + projectKey + "/bugs/new";
	}

	public static String similar(String projectKey) {
		return list(projectKey) + "/similar-fragment";
	}

	public static String bulk(String projectKey) {
		return list(projectKey) + "/bulk";
	}

	public static String exportCsv(String projectKey) {
		return list(projectKey) + "/export.csv";
	}

	/**
	 * The project's saved filters panel, served by the search module (composed by URL,
	 * not by import).
	 */
	public static String savedFilters(String projectKey) {
		return "/p/" + projectKey + "/filters";
	}

	public static String bug(String bugKey) {
		return "/bugs/" + bugKey;
	}

	public static String field(String bugKey, String field) {
		return bug(bugKey) + "/fields/" + field;
	}

	public static String status(String bugKey) {
		return bug(bugKey) + "/status";
	}

	/**
	 * The bug page asking for the fields that the move to {@code status} needs (without
	 * JavaScript; with it, the dialog asks).
	 */
	public static String move(String bugKey, String status) {
		return bug(bugKey) + "?move=" + status + "#" + STATUS_ID;
	}

	public static String editReport(String bugKey) {
		return bug(bugKey) + "/edit";
	}

	public static String report(String bugKey) {
		return bug(bugKey) + "/report";
	}

	public static String history(String bugKey) {
		return bug(bugKey) + "/history";
	}

	public static String activity(String bugKey) {
		return bug(bugKey) + "/activity";
	}

	public static String comments(String bugKey) {
		return bug(bugKey) + "/comments";
	}

	public static String preview(String bugKey) {
		return comments(bugKey) + "/preview";
	}

	public static String comment(String bugKey, java.util.UUID commentId) {
		return comments(bugKey) + "/" + commentId;
	}

	public static String commentAnchor(java.util.UUID commentId) {
		return "comment-" + commentId;
	}

}
