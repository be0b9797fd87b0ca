package dev.fixpoint.attachments;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.attachments.AttachmentRepository.AttachmentRow;
import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.attachments.storage.StoreFailure;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns an upload stream into a stored, checked attachment in one pass: limit → sniff the
 * head → refuse early → stream to storage (and to clamd) → verdict → thumbnail → row. No
 * database transaction is open while bytes flow; the row is written last, under the
 * organization's quota lock, so no row ever points at missing bytes. Whatever fails after
 * bytes were stored removes them, except a commit with an unknown outcome: those bytes
 * are left to the orphan sweep, which deletes them only if no row refers to them. A store
 * that is full answers 507 ({@link StorageFullException}), one that cannot be written or
 * reached 503 ({@link StorageUnavailableException}).
 */
@Component
class UploadPipeline {

	private static final Logger log = LoggerFactory.getLogger(UploadPipeline.class);

	private static final int HEAD = 64 * 1024;

	/** Everything decided before the bytes are read. */
	record Request(UUID bugId, UUID projectId, UUID orgId, UUID commentId, UUID annotationOf, String filename,
			UUID uploadedBy, String bugKey, List<String> allowedTypes) {
	}

	private final ObjectStorage storage;

	private final ContentTypes types;

	private final ClamAvScanner scanner;

	private final Limits limits;

	private final Clock clock;

	UploadPipeline(ObjectStorage storage, ContentTypes types, ClamAvScanner scanner, Limits limits, Clock clock) {
		this.storage = storage;
		this.types = types;
		this.scanner = scanner;
		this.limits = limits;
		this.clock = clock;
	}

	AttachmentRow upload(Request request, InputStream content, long declaredSize) {
		long max = this.limits.maxFileSize();
		LimitedInput limited = new LimitedInput(content, max);
		BufferedInputStream in = new BufferedInputStream(limited, HEAD);
		String mimeType;
		try {
			in.mark(1);
			if (in.read() < 0) {
				throw dev.fixpoint.platform.InvalidInputException.of("file", "is empty (0 bytes)");
			}
			in.reset();
			mimeType = this.types.detect(in, request.filename());
		}
		catch (IOException ex) {
			throw readFailure(ex, max);
		}
		this.types.requireAllowed(mimeType, request.allowedTypes());
		String key = UUID.randomUUID().toString();
		List<String> stored = new ArrayList<>();
		AttachmentRow row;
		try {
			long size = store(key, in, declaredSize, request);
			stored.add(key);
			Optional<Thumbnails.Thumbnail> thumbnail = thumbnail(key, mimeType);
			String thumbKey = null;
			if (thumbnail.isPresent()) {
				thumbKey = key + ".thumb";
				stored.add(thumbKey);
				this.storage.store(thumbKey, new ByteArrayInputStream(thumbnail.get().bytes()),
						thumbnail.get().bytes().length);
			}
			row = new AttachmentRow(Ids.newId(), request.bugId(), request.projectId(), request.orgId(),
					request.commentId(), request.annotationOf(), request.filename(), mimeType, size, key, thumbKey,
					thumbnail.map(Thumbnails.Thumbnail::mimeType).orElse(null),
					thumbnail.map(t -> (long) t.bytes().length).orElse(0L),
					thumbnail.map(Thumbnails.Thumbnail::width).orElse(null),
					thumbnail.map(Thumbnails.Thumbnail::height).orElse(null), request.uploadedBy(),
					Times.now(this.clock));
		}
		catch (StoreFailure ex) {
			discard(stored, key);
			throw storeFailure(ex, request);
		}
		catch (IOException ex) {
			discard(stored, key);
			throw readFailure(ex, max);
		}
		catch (RuntimeException ex) {
			discard(stored, key);
			throw ex;
		}
		return record(row, stored);
	}

	/**
	 * The row, written last: objects first, so a row never points at nothing. Removes the
	 * objects again unless the commit's outcome is unknown (then the sweep does).
	 */
	private AttachmentRow record(AttachmentRow row, List<String> stored) {
		try {
			this.limits.insertWithinQuota(row);
			return row;
		}
		catch (Limits.UnsettledInsert ex) {
			log.warn("An attachment's commit failed; its {} stored object(s) stay for the orphan sweep", stored.size());
			throw (RuntimeException) ex.getCause();
		}
		catch (RuntimeException ex) {
			discard(stored, row.objectKey());
			throw ex;
		}
	}

	private static RuntimeException storeFailure(StoreFailure ex, Request request) {
		log.error("Attachment storage failed ({}) for an upload to {}: {}", ex.reason(), request.bugKey(),
				ex.getMessage());
		return ex.reason() == StoreFailure.Reason.FULL ? new StorageFullException() : new StorageUnavailableException();
	}

	private long store(String key, InputStream in, long declaredSize, Request request) throws IOException {
		if (!this.scanner.enabled()) {
			return this.storage.store(key, in, declaredSize);
		}
		ClamAvScanner.Verdict verdict;
		long size;
		try (ClamAvScanner.Scan scan = this.scanner.start()) {
			ScanningInput scanning = new ScanningInput(in, scan);
			size = this.storage.store(key, scanning, declaredSize);
			verdict = scanning.failure == null ? scan.finish() : null;
		}
		catch (IOException ex) {
			if (LimitedInput.causedBy(ex) || ex instanceof StoreFailure) {
				throw ex;
			}
			log.warn("Malware scan failed for an upload to {}: {}", request.bugKey(), ex.getClass().getSimpleName());
			this.storage.delete(key);
			throw new RefusedUploadException("scan-failed",
					"The file could not be scanned for malware, so it was not stored; try again later");
		}
		if (verdict == null || !verdict.clean()) {
			this.storage.delete(key);
			if (verdict == null) {
				throw new RefusedUploadException("scan-failed",
						"The file could not be scanned for malware, so it was not stored; try again later");
			}
			log.warn("Refused an infected upload to {} by user {}: {}", request.bugKey(), request.uploadedBy(),
					verdict.signature());
			throw new RefusedUploadException("malware",
					"The file contains malware (" + verdict.signature() + "), so it was not stored");
		}
		return size;
	}

	private Optional<Thumbnails.Thumbnail> thumbnail(String key, String mimeType) throws IOException {
		if (PreviewKind.of(mimeType) != PreviewKind.IMAGE) {
			return Optional.empty();
		}
		try (InputStream original = this.storage.open(key)) {
			return Thumbnails.of(original);
		}
	}

	private void discard(List<String> stored, String key) {
		List<String> keys = new ArrayList<>(stored);
		if (!keys.contains(key)) {
			keys.add(key);
		}
		for (String k : keys) {
			try {
				this.storage.delete(k);
			}
			catch (IOException | RuntimeException ex) {
				// the orphan sweep removes it later
				log.warn("Could not remove a refused upload's object now; the sweep will");
			}
		}
	}

	private static RuntimeException readFailure(IOException ex, long max) {
		if (LimitedInput.causedBy(ex)) {
			return TooLargeException.file(max);
		}
		return new UncheckedIOException("Upload could not be read or stored", ex);
	}

	/**
	 * Passes every byte read on to clamd; a scanner failure is remembered, not thrown
	 * into the storage code.
	 */
	private static final class ScanningInput extends FilterInputStream {

		private final ClamAvScanner.Scan scan;

		private IOException failure;

		ScanningInput(InputStream in, ClamAvScanner.Scan scan) {
			super(in);
			this.scan = scan;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				feed(new byte[] { (byte) b }, 0, 1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				feed(b, off, n);
			}
			return n;
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		private void feed(byte[] b, int off, int n) {
			if (this.failure == null) {
				try {
					this.scan.write(b, off, n);
				}
				catch (IOException ex) {
					this.failure = ex;
				}
			}
		}

	}

}
