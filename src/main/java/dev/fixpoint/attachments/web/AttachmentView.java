package dev.fixpoint.attachments.web;

import java.util.Locale;
import java.util.UUID;

/**
 * One attachment as the bug page shows it: how to preview it, its signed links, and what
 * the caller may do.
 *
 * @param kind image, video, audio, text, pdf or download (how the browser should show it)
 * @param downloadUrl the signed, expiring link to the original bytes
 * @param thumbnailUrl the signed link to the thumbnail, or the original when there is
 * none (images only)
 * @param annotationOf the original this attachment annotates, or null
 * @param annotationOfName the original's file name, or null
 * @param canDelete the caller uploaded it or is a project admin (the server checks again)
 * @param canAnnotate the caller may attach files and this is an image the browser can
 * draw on
 */
public record AttachmentView(UUID id, String bugKey, UUID commentId, String filename, long size, String mimeType,
		String kind, String downloadUrl, String thumbnailUrl, Integer width, Integer height, String uploaderName,
		String ago, String exact, UUID annotationOf, String annotationOfName, boolean canDelete, boolean canAnnotate) {

	public String anchor() {
		return AttachmentPageRoutes.anchor(this.id);
	}

	public String annotationAnchor() {
		return this.annotationOf == null ? null : AttachmentPageRoutes.anchor(this.annotationOf);
	}

	public String deleteUrl() {
		return AttachmentPageRoutes.delete(this.id);
	}

	public String annotateUrl() {
		return this.canAnnotate ? AttachmentPageRoutes.annotate(this.bugKey, this.id) : null;
	}

	public String linesUrl() {
		return AttachmentPageRoutes.lines(this.id, 1);
	}

	public String linesSlot() {
		return "attachment-lines-" + this.id;
	}

	public boolean isImage() {
		return "image".equals(this.kind);
	}

	/** "PNG", "LOG": the badge of a file without a preview. */
	public String extension() {
		int dot = this.filename.lastIndexOf('.');
		String ext = dot < 0 || dot == this.filename.length() - 1
				? this.mimeType.substring(this.mimeType.indexOf('/') + 1) : this.filename.substring(dot + 1);
		ext = ext.replaceAll("[^A-Za-z0-9]", "");
		return (ext.length() > 4 ? ext.substring(0, 4) : ext).toUpperCase(Locale.ROOT);
	}

	public String sizeText() {
		return size(this.size);
	}

	/** "812 B", "14.2 KB", "3.1 MB" (binary units, as file managers show them). */
	public static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return trim(bytes / 1024.0) + " KB";
		}
		if (bytes < 1024L * 1024 * 1024) {
			return trim(bytes / 1024.0 / 1024) + " MB";
		}
		return trim(bytes / 1024.0 / 1024 / 1024) + " GB";
	}

	private static String trim(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

}
