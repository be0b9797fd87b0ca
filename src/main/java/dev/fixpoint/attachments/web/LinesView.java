package dev.fixpoint.attachments.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.projects.Capabilities;

/**
 * One page of a text or log file for the viewer: never the whole file, only
 * {@link AttachmentPageRoutes#LINES_PER_PAGE} lines from {@code from} (1-based).
 *
 * @param more whether lines follow this page
 */
public record LinesView(UUID id, String bugKey, String bugTitle, Capabilities can, String filename, String sizeText,
		String downloadUrl, long from, List<String> lines, boolean more) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	public long to() {
		return this.from + this.lines.size() - 1;
	}

	public long number(int index) {
		return this.from + index;
	}

	public String nextUrl() {
		return this.more ? AttachmentPageRoutes.lines(this.id, to() + 1) : null;
	}

	public String moreUrl() {
		return this.more ? AttachmentPageRoutes.moreLines(this.id, to() + 1) : null;
	}

	public String previousUrl() {
		return this.from > 1
				? AttachmentPageRoutes.lines(this.id, Math.max(1, this.from - AttachmentPageRoutes.LINES_PER_PAGE))
				: null;
	}

	public String bugUrl() {
		return AttachmentPageRoutes.bug(this.bugKey) + "#" + AttachmentPageRoutes.anchor(this.id);
	}

	public String lineAnchor(int index) {
		return "L" + number(index);
	}

}
