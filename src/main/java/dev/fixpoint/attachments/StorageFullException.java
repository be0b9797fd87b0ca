package dev.fixpoint.attachments;

import java.net.URI;
import java.util.Map;

import dev.fixpoint.platform.InsufficientStorageException;
import dev.fixpoint.platform.Problems;

/**
 * The attachment store has no room left (a full disk, a bucket over its quota): nothing
 * was stored. Not the organization's quota ({@link TooLargeException#quota}), the
 * installation's: an administrator has to free space.
 */
public class StorageFullException extends InsufficientStorageException {

	public static final URI TYPE = URI.create(Problems.BASE + "attachment-storage-full");

	private static final Kind KIND = new Kind(TYPE, "Attachment storage full");

	StorageFullException() {
		super(KIND,
				"The attachment storage is full, so the file was not stored. "
						+ "Tell your administrator: space has to be freed before files can be attached again.",
				Map.of("reason", "storage-full"));
	}

}
