package dev.fixpoint.attachments.storage;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The store itself failed, not the content being read: it is {@link Reason#FULL full}, or
 * it cannot be written or reached ({@link Reason#UNAVAILABLE}: a directory that is
 * read-only or gone, S3 answering 5xx or {@code SlowDown}, refusing the credentials, or
 * not answering). The message is for the log only: it may name paths and endpoints.
 */
public final class StoreFailure extends IOException {

	/** What an operator has to do about it. */
	public enum Reason {

		/** Free space (or raise the bucket's quota). */
		FULL,
		/** Make the store writable or reachable again; retrying may help. */
		UNAVAILABLE

	}

	/** {@code ENOSPC} and {@code EDQUOT} as the JDK words them (it has no errno). */
	private static final String[] OUT_OF_SPACE = { "no space left on device", "disk quota exceeded" };

	/** Below this much usable space a filesystem store counts as full. */
	private static final long NEARLY_FULL = 1024 * 1024;

	private final Reason reason;

	StoreFailure(Reason reason, String message, Throwable failure) {
		super(message, failure);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * A failed file operation under {@code root}: full when the system said so, or when
	 * the filesystem has (nearly) no usable space left, else unavailable.
	 */
	static StoreFailure ofFile(IOException failure, Path root) {
		boolean full = saysOutOfSpace(failure) || nearlyFull(root);
		return new StoreFailure(full ? Reason.FULL : Reason.UNAVAILABLE,
				"Could not write under " + root + ": " + failure, failure);
	}

	private static boolean saysOutOfSpace(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
			for (String words : OUT_OF_SPACE) {
				if (message.contains(words)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean nearlyFull(Path root) {
		try {
			FileStore store = Files.getFileStore(root);
			return store.getUsableSpace() < NEARLY_FULL;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

}
