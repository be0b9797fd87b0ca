package dev.fixpoint.attachments.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.attachments.AttachmentContent;
import dev.fixpoint.attachments.PreviewKind;
import dev.fixpoint.attachments.StoredContent;
import dev.fixpoint.attachments.Variant;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the bytes behind signed URLs, with the headers that keep a hostile file
 * harmless: nosniff, a sandboxing CSP, and {@code Content-Disposition: attachment} for
 * anything a browser would run or render as a page. Range requests (video seeking) are
 * answered by Spring from the re-openable resource.
 */
@ApiController
@Tag(name = "Attachments")
class AttachmentDownloadController {

	static final String CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

	/** Chrome's PDF viewer does not run in a sandboxed document. */
	static final String PDF_CSP = "default-src 'none'; object-src 'self'";

	private final AttachmentContent content;

	private final Clock clock;

	AttachmentDownloadController(AttachmentContent content, Clock clock) {
		this.content = content;
		this.clock = clock;
	}

	@GetMapping(AttachmentRoutes.API_CONTENT)
	@Operation(operationId = "downloadAttachment",
			summary = "The file behind a signed download_url (no token needed; 403 once expired or tampered with)")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The file's bytes")
	@ApiResponse(responseCode = "403", description = "The signed URL expired or was tampered with")
	ResponseEntity<Resource> content(@PathVariable UUID id, @RequestParam long expires,
			@RequestParam String signature) {
		return serve(this.content.open(id, Variant.ORIGINAL, expires, signature), expires, Times.now(this.clock));
	}

	@GetMapping(AttachmentRoutes.API_THUMBNAIL)
	@Operation(operationId = "downloadThumbnail", summary = "The thumbnail behind a signed thumbnail_url")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The thumbnail image")
	@ApiResponse(responseCode = "403", description = "The signed URL expired or was tampered with")
	ResponseEntity<Resource> thumbnail(@PathVariable UUID id, @RequestParam long expires,
			@RequestParam String signature) {
		return serve(this.content.open(id, Variant.THUMBNAIL, expires, signature), expires, Times.now(this.clock));
	}

	private static ResponseEntity<Resource> serve(StoredContent stored, long expires, Instant now) {
		boolean inline = stored.preview().inline();
		ContentDisposition disposition = ContentDisposition.builder(inline ? "inline" : "attachment")
			.filename(stored.filename(), StandardCharsets.UTF_8)
			.build();
		long maxAge = Math.max(0, expires - now.getEpochSecond());
		return ResponseEntity.ok()
			.contentType(servedType(stored))
			.contentLength(stored.size())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", stored.preview() == PreviewKind.PDF ? PDF_CSP : CSP)
			.header("Cross-Origin-Resource-Policy", "same-origin")
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.cacheControl(CacheControl.maxAge(Duration.ofSeconds(maxAge)).cachePrivate())
			.body(new StoredResource(stored));
	}

	/**
	 * Text previews are plain UTF-8 text; what is not previewed inline goes out as opaque
	 * bytes.
	 */
	private static MediaType servedType(StoredContent stored) {
		return switch (stored.preview()) {
			case TEXT -> new MediaType("text", "plain", StandardCharsets.UTF_8);
			case DOWNLOAD -> MediaType.APPLICATION_OCTET_STREAM;
			default -> MediaType.parseMediaType(stored.mimeType());
		};
	}

	/**
	 * Opens the stored object anew for every read (Spring reads twice for a range
	 * request).
	 */
	private static final class StoredResource extends AbstractResource {

		private final StoredContent stored;

		StoredResource(StoredContent stored) {
			this.stored = stored;
		}

		@Override
		public String getDescription() {
			return "attachment content";
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.stored.open();
		}

		@Override
		public long contentLength() {
			return this.stored.size();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getFilename() {
			return null;
		}

	}

}
