package dev.fixpoint.attachments.web;

import java.util.UUID;

/**
 * The attachment pages' URLs and element ids, shared by controllers, templates and
 * static/js/attachments/ (the API's: AttachmentRoutes).
 */
public final class AttachmentPageRoutes {

	/**
	 * The panel on the bug page; the bug page loads it (htmx) and replaces its
	 * placeholder with it.
	 */
	public static final String PANEL_ID = "attachments";

	/** How many lines of a text or log file one page of the viewer shows. */
	public static final int LINES_PER_PAGE = 200;

	private AttachmentPageRoutes() {
	}

	/** The panel (GET) and the upload (POST, multipart part {@code file}). */
	public static String ofBug(String bugKey) {
		return "/bugs/" + bugKey + "/attachments";
	}

	public static String bug(String bugKey) {
		return "/bugs/" + bugKey;
	}

	/** An upload that annotates {@code original}: a new attachment linked to it. */
	public static String annotate(String bugKey, UUID original) {
		return ofBug(bugKey) + "?annotation_of=" + original;
	}

	/** An upload attached to a comment. */
	public static String ofComment(String bugKey, UUID comment) {
		return ofBug(bugKey) + "?comment_id=" + comment;
	}

	public static String delete(UUID attachment) {
		return "/attachments/" + attachment + "/delete";
	}

	/** The text/log viewer: a page of lines starting at {@code from} (1-based). */
	public static String lines(UUID attachment, long from) {
		return "/attachments/" + attachment + "/lines?from=" + from;
	}

	/** More lines appended to the inline viewer (rows only). */
	public static String moreLines(UUID attachment, long from) {
		return lines(attachment, from) + "&rows=true";
	}

	public static String anchor(UUID attachment) {
		return "attachment-" + attachment;
	}

	public static String settings(String projectKey) {
		return "/p/" + projectKey + "/settings/attachments";
	}

}
