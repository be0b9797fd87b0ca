package dev.fixpoint.attachments.web;

import java.util.regex.Pattern;

/**
 * URLs of the attachments module, for controllers, the size filter and the security chain
 * alike.
 */
public final class AttachmentRoutes {

	public static final String API_BUG_ATTACHMENTS = "/api/bugs/{bug}/attachments";

	public static final String API_ATTACHMENT = "/api/attachments/{id}";

	public static final String API_CONTENT = "/api/attachments/{id}/content";

	public static final String API_THUMBNAIL = "/api/attachments/{id}/thumbnail";

	public static final String API_LINES = "/api/attachments/{id}/lines";

	public static final String API_SETTINGS = "/api/projects/{project}/attachment-settings";

	public static final String API_STATUS = "/api/projects/{project}/attachment-status";

	/**
	 * POSTs to these paths carry files: their declared size is checked before the body is
	 * read.
	 */
	static final Pattern UPLOAD_PATHS = Pattern.compile("^(/api)?/bugs/[^/]+/attachments(/.*)?$");

	private AttachmentRoutes() {
	}

}
