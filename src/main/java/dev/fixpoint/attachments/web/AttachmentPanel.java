package dev.fixpoint.attachments.web;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.projects.Capabilities;

/**
 * The attachments of a bug on its page: images (thumbnail grid), other files (players,
 * log viewer, links), files attached to comments (grouped by comment), and whether the
 * caller may upload.
 *
 * @param maxSize the largest file the server accepts, in bytes (the browser refuses
 * bigger ones before sending)
 */
public record AttachmentPanel(String bugKey, String bugTitle, Capabilities can, boolean canUpload, long maxSize,
		List<AttachmentView> images, List<AttachmentView> files, List<CommentGroup> comments) {

	public String projectKey() {
		return this.can.projectKey();
	}

	public String projectName() {
		return this.can.projectName();
	}

	/** Files attached to one comment. */
	public record CommentGroup(UUID commentId, List<AttachmentView> images, List<AttachmentView> files) {

		public String commentAnchor() {
			return "comment-" + this.commentId;
		}

	}

	public String uploadUrl() {
		return AttachmentPageRoutes.ofBug(this.bugKey);
	}

	public String bugUrl() {
		return AttachmentPageRoutes.bug(this.bugKey);
	}

	public String maxSizeText() {
		return AttachmentView.size(this.maxSize);
	}

	public int count() {
		return this.images.size() + this.files.size()
				+ this.comments.stream().mapToInt(c -> c.images().size() + c.files().size()).sum();
	}

	public boolean empty() {
		return this.images.isEmpty() && this.files.isEmpty();
	}

}
