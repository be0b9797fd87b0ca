package dev.fixpoint.attachments.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.UUID;

import dev.fixpoint.attachments.Attachment;
import dev.fixpoint.attachments.AttachmentContent;
import dev.fixpoint.attachments.AttachmentProperties;
import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.attachments.TextLines;
import dev.fixpoint.attachments.TooLargeException;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

@ApiController
@Tag(name = "Attachments")
class AttachmentApiController {

	private final Attachments attachments;

	private final AttachmentContent content;

	private final AttachmentProperties properties;

	AttachmentApiController(Attachments attachments, AttachmentContent content, AttachmentProperties properties) {
		this.attachments = attachments;
		this.content = content;
		this.properties = properties;
	}

	/** A body without Content-Length that Tomcat cut at the limit while parsing it. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge() {
		return ProblemResponses.entity(TooLargeException.file(this.properties.maxSize().toBytes()));
	}

	/** Not multipart, or a broken multipart body. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> notMultipart() {
		return ProblemResponses.entity(
				InvalidInputException.of("file", "is required: send multipart/form-data with the file as part 'file'"));
	}

	@PostMapping(path = AttachmentRoutes.API_BUG_ATTACHMENTS, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(operationId = "uploadAttachment",
			summary = "Attach a file (multipart part 'file', at most FIXPOINT_ATTACHMENT_MAX_SIZE, 25 MB by default: "
					+ "413 beyond). The type is sniffed from the content; a name claiming another type, a type the project "
					+ "does not allow, or malware → 422 with a reason. Optional: comment_id, annotation_of (an image of the "
					+ "same bug this is an annotated copy of). 507 when the attachment storage is full, 503 with "
					+ "Retry-After when it cannot be written or reached; nothing is stored then.")
	@ApiResponse(responseCode = "201", description = "Stored; Location names the new attachment",
			content = @Content(schema = @Schema(implementation = Attachment.class)))
	@ApiResponse(responseCode = "400",
			description = "No part 'file', an empty file, or an invalid comment_id or " + "annotation_of",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "403", description = "A viewer may not attach",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "404", description = "No such bug, or not a member of its project",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "413",
			description = "Larger than the size limit, or over the organization's quota "
					+ "(reason file-too-large or quota-exceeded)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "422",
			description = "Refused content (reason type-mismatch, type-not-allowed, " + "malware, scan-failed)",
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "503",
			description = "The attachment storage cannot be written or reached (a read-only or missing directory, "
					+ "S3 answering 5xx or SlowDown, or not answering): type attachment-storage-unavailable, reason "
					+ "storage-unavailable; nothing was stored, retry after Retry-After seconds",
			headers = @Header(name = "Retry-After", description = "seconds to wait before retrying",
					schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json"))
	@ApiResponse(responseCode = "507",
			description = "The attachment storage is full (disk or bucket): type attachment-storage-full, reason "
					+ "storage-full; nothing was stored, an administrator has to free space",
			content = @Content(mediaType = "application/problem+json"))
	ResponseEntity<Attachment> upload(@PathVariable String bug,
			@RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "comment_id", required = false) UUID commentId,
			@RequestParam(name = "annotation_of", required = false) UUID annotationOf,
			@Authenticated CurrentUser user) {
		if (file == null) {
			throw InvalidInputException.of("file", "is required: send the file as multipart part 'file'");
		}
		try (InputStream in = file.getInputStream()) {
			Attachment created = this.attachments.upload(user, bug, commentId, annotationOf, file.getOriginalFilename(),
					in, file.getSize());
			return ResponseEntity.created(URI.create("/api/attachments/" + created.id())).body(created);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping(AttachmentRoutes.API_BUG_ATTACHMENTS)
	@Operation(operationId = "listAttachments",
			summary = "A bug's attachments, oldest first; download_url and thumbnail_url are signed and expire "
					+ "(FIXPOINT_ATTACHMENT_URL_TTL, 15 minutes by default)")
	Page<Attachment> list(@PathVariable String bug, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, @Authenticated CurrentUser user) {
		return this.attachments.list(user, bug, cursor, limit);
	}

	@GetMapping(AttachmentRoutes.API_ATTACHMENT)
	@Operation(operationId = "getAttachment", summary = "One attachment with freshly signed URLs")
	Attachment get(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.attachments.get(user, id);
	}

	@DeleteMapping(AttachmentRoutes.API_ATTACHMENT)
	@Operation(operationId = "deleteAttachment",
			summary = "Delete an attachment (its uploader or a project admin); the stored bytes go after commit")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "403", description = "Not the uploader or a project admin")
	ResponseEntity<Void> delete(@PathVariable UUID id, @Authenticated CurrentUser user) {
		this.attachments.delete(user, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(AttachmentRoutes.API_LINES)
	@Operation(operationId = "getAttachmentLines",
			summary = "Lines of a text or log attachment, for paged previews: from (1-based, default 1), count "
					+ "(1-1000, default 200); next_from is null at the end")
	TextLines lines(@PathVariable UUID id, @RequestParam(defaultValue = "1") long from,
			@RequestParam(defaultValue = "200") int count, @Authenticated CurrentUser user) {
		return this.content.lines(user, id, from, count);
	}

}
