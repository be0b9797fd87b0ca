package dev.fixpoint.attachments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;
import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.ForbiddenException;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * The bytes of attachments: behind a signed URL (no session needed; the signature proves
 * the link was made for a member), and as pages of lines for text and log previews, read
 * by streaming, never the whole file.
 */
@Service
public class AttachmentContent {

	private final AttachmentRepository attachments;

	private final SignedUrls urls;

	private final ObjectStorage storage;

	private final AttachmentAccess access;

	AttachmentContent(AttachmentRepository attachments, SignedUrls urls, ObjectStorage storage,
			AttachmentAccess access) {
		this.attachments = attachments;
		this.urls = urls;
		this.storage = storage;
		this.access = access;
	}

	/**
	 * 403 for a bad or expired signature, 404 when the attachment (or its thumbnail) is
	 * gone.
	 */
	public StoredContent open(UUID id, Variant variant, long expires, String signature) {
		if (!this.urls.valid(id, variant, expires, signature)) {
			throw ForbiddenException
				.because("This download link is invalid or has expired; reload the page for a new one");
		}
		AttachmentRow row = this.attachments.find(id).orElseThrow(() -> NotFoundException.of("Attachment"));
		if (variant == Variant.THUMBNAIL) {
			if (row.thumbnailKey() == null) {
				throw NotFoundException.of("Thumbnail");
			}
			return new StoredContent(thumbnailName(row), row.thumbnailType(), row.thumbnailSize(), PreviewKind.IMAGE,
					() -> this.storage.open(row.thumbnailKey()));
		}
		return new StoredContent(row.filename(), row.mimeType(), row.fileSize(), PreviewKind.of(row.mimeType()),
				() -> this.storage.open(row.objectKey()));
	}

	private static String thumbnailName(AttachmentRow row) {
		return "thumbnail-" + row.filename() + (row.thumbnailType().equals("image/png") ? ".png" : ".jpg");
	}

	/**
	 * Lines {@code from} (1-based) to {@code from + count - 1} of a text attachment,
	 * decoded as UTF-8 (invalid bytes replaced).
	 */
	public TextLines lines(CurrentUser user, UUID id, long from, int count) {
		AttachmentRow row = this.access.attachment(id, user).row();
		if (PreviewKind.of(row.mimeType()) != PreviewKind.TEXT) {
			throw InvalidInputException.of("id", "is not a text attachment");
		}
		if (from < 1) {
			throw InvalidInputException.of("from", "must be 1 or more");
		}
		if (count < 1 || count > TextLines.MAX_COUNT) {
			throw InvalidInputException.of("count", "must be between 1 and " + TextLines.MAX_COUNT);
		}
		try (InputStream in = this.storage.open(row.objectKey())) {
			return read(in, from, count);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Attachment could not be read", ex);
		}
	}

	static TextLines read(InputStream in, long from, int count) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPLACE)
					.onUnmappableCharacter(CodingErrorAction.REPLACE)));
		LineReader lines = new LineReader(reader);
		for (long skipped = 1; skipped < from; skipped++) {
			if (!lines.skip()) {
				return new TextLines(from, List.of(), null, false);
			}
		}
		List<String> page = new ArrayList<>(count);
		boolean truncated = false;
		while (page.size() < count) {
			String line = lines.next();
			if (line == null) {
				return new TextLines(from, page, null, truncated);
			}
			truncated |= lines.lastTruncated;
			page.add(line);
		}
		return new TextLines(from, page, lines.atEnd() ? null : from + count, truncated);
	}

	/**
	 * Reads lines without ever holding more than {@link TextLines#MAX_LINE_LENGTH} chars
	 * of one.
	 */
	private static final class LineReader {

		private final BufferedReader reader;

		private boolean lastTruncated;

		LineReader(BufferedReader reader) {
			this.reader = reader;
		}

		boolean skip() throws IOException {
			int c;
			boolean any = false;
			while ((c = this.reader.read()) >= 0) {
				any = true;
				if (c == '\n') {
					return true;
				}
			}
			return any;
		}

		String next() throws IOException {
			StringBuilder line = new StringBuilder();
			this.lastTruncated = false;
			int c = this.reader.read();
			if (c < 0) {
				return null;
			}
			while (c >= 0 && c != '\n') {
				if (line.length() < TextLines.MAX_LINE_LENGTH) {
					line.append((char) c);
				}
				else {
					this.lastTruncated = true;
				}
				c = this.reader.read();
			}
			int end = line.length();
			if (end > 0 && line.charAt(end - 1) == '\r') {
				line.setLength(end - 1);
			}
			return line.toString();
		}

		boolean atEnd() throws IOException {
			this.reader.mark(1);
			boolean end = this.reader.read() < 0;
			this.reader.reset();
			return end;
		}

	}

}
