package dev.fixpoint.attachments.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.attachments.Attachment;
import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.attachments.TooLargeException;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.platform.web.HtmxRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * Attachments on the bug page: the panel (a page of its own without JavaScript), uploads
 * from the page's form, the browser's modules (one file per request, answered with the
 * new item) and the annotation editor, and deletes. Every rule (role, type, size, quota)
 * is {@link Attachments}' alone; a refusal comes back as its message.
 */
@Controller
class AttachmentController {

	private static final Pattern UPLOAD = Pattern.compile("^/bugs/([^/]+)/attachments$");

	private final Attachments attachments;

	private final AttachmentPages pages;

	AttachmentController(Attachments attachments, AttachmentPages pages) {
		this.attachments = attachments;
		this.pages = pages;
	}

	@GetMapping("/bugs/{bug}/attachments")
	ModelAndView panel(@PathVariable String bug, HtmxRequest htmx, @Authenticated CurrentUser user) {
		return panel(this.pages.panel(bug, user), htmx, null);
	}

	@PostMapping("/bugs/{bug}/attachments")
	ModelAndView upload(@PathVariable String bug, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "comment_id", required = false) UUID commentId,
			@RequestParam(name = "annotation_of", required = false) UUID annotationOf, HtmxRequest htmx,
			@Authenticated CurrentUser user) {
		return switch (Forms.alsoInForm(ForbiddenException.class)
			.submit(() -> store(bug, file, commentId, annotationOf, user))) {
			case Accepted<Attachment>(Attachment attachment) when !htmx.request() -> new ModelAndView(
					"redirect:" + AttachmentPageRoutes.bug(bug) + "#" + AttachmentPageRoutes.anchor(attachment.id()));
			case Accepted<Attachment>(Attachment attachment) -> {
				ModelAndView item = new ModelAndView("attachments/item", "a", this.pages.item(attachment, user));
				item.setStatus(HttpStatus.CREATED);
				yield item;
			}
			case Rejected<Attachment> rejected -> refused(bug, rejected, htmx, user);
		};
	}

	private Attachment store(String bug, MultipartFile file, UUID commentId, UUID annotationOf, CurrentUser user) {
		if (file == null) {
			throw InvalidInputException.of("file", "is missing: choose a file to upload");
		}
		try (InputStream content = file.getInputStream()) {
			return this.attachments.upload(user, bug, commentId, annotationOf, file.getOriginalFilename(), content,
					file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Upload could not be read", ex);
		}
	}

	@PostMapping("/attachments/{id}/delete")
	ModelAndView delete(@PathVariable UUID id, HtmxRequest htmx, @Authenticated CurrentUser user) {
		Bug bug = this.pages.bug(this.attachments.get(user, id).bugId().toString(), user);
		this.attachments.delete(user, id);
		if (!htmx.request()) {
			return new ModelAndView(
					"redirect:" + AttachmentPageRoutes.bug(bug.key()) + "#" + AttachmentPageRoutes.PANEL_ID);
		}
		return panel(this.pages.panel(bug.key(), user), htmx, null);
	}

	/**
	 * A body without a declared length that Tomcat cut at the size limit while parsing it
	 * (a declared length over the limit never gets here: {@code UploadSizeFilter} answers
	 * first).
	 */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, @Authenticated CurrentUser user) {
		Matcher path = UPLOAD.matcher(request.getRequestURI());
		if (!path.matches()) {
			throw TooLargeException.file(this.pages.maxSize());
		}
		return refused(path.group(1), Forms.reject(TooLargeException.file(this.pages.maxSize())),
				HtmxRequest.of(request), user);
	}

	/**
	 * A refused upload: the message next to the file (htmx) or on the attachments page,
	 * with the refusal's status (the page's script reads it).
	 */
	private ModelAndView refused(String bug, Rejected<?> rejected, HtmxRequest htmx, CurrentUser user) {
		// e.g. "File is empty (0 bytes)"
		String message = String.join("; ", rejected.errors().phrases());
		ModelAndView mav = htmx.request() ? new ModelAndView("attachments/upload-error", Map.of("message", message))
				: panel(this.pages.panel(bug, user), new HtmxRequest(false, false), message);
		mav.setStatus(rejected.status());
		return mav;
	}

	private static ModelAndView panel(AttachmentPanel panel, HtmxRequest htmx, String notice) {
		ModelAndView mav = new ModelAndView(htmx.fragment() ? "attachments/panel" : "attachments/page", "panel", panel);
		mav.addObject("notice", notice);
		return mav;
	}

}
