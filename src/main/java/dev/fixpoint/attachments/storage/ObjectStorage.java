package dev.fixpoint.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where attachment bytes live. Keys are random UUID strings chosen by the attachments
 * module, never user input. Implementations stream: no method holds a whole object in
 * memory.
 */
public interface ObjectStorage {

	/** A stored object as a listing shows it. */
	record StoredObject(String key, long size, Instant lastModified) {
	}

	/** A short name for status pages: {@code local} or {@code s3}. */
	String backend();

	/**
	 * Stores everything {@code content} yields under {@code key}. {@code size} is the
	 * exact length when known, or -1. Returns the number of bytes stored. On failure
	 * nothing is left under {@code key}: a {@link StoreFailure} when the store could not
	 * take it (full, unwritable, unreachable), {@code content}'s own exception when
	 * reading it failed.
	 */
	long store(String key, InputStream content, long size) throws IOException;

	InputStream open(String key) throws IOException;

	/** Deleting a missing object is not an error. */
	void delete(String key) throws IOException;

	boolean exists(String key) throws IOException;

	/**
	 * Visits every stored object (for the orphan sweep), including partial ones an
	 * interrupted write left behind.
	 */
	void forEach(Consumer<StoredObject> visitor) throws IOException;

	/**
	 * Checks that a key is one this module could have made, so it is never a path or a
	 * URL: a UUID, its thumbnail, or a filesystem store's partial file.
	 */
	static String validKey(String key) {
		if (key == null || !key
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.thumb)?(\\.partial)?")) {
			throw new IllegalArgumentException("Not an object key");
		}
		return key;
	}

}
