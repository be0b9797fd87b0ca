package dev.fixpoint.attachments;

import java.net.URI;
import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RefusedException;

/**
 * An upload that was read but refused (wrong or disallowed type, malware, unreadable),
 * with a {@code reason} ({@code type-mismatch}, {@code type-not-allowed},
 * {@code malware}, ...). Nothing of it is kept.
 */
public class RefusedUploadException extends RefusedException {

	public static final URI TYPE = URI.create(Problems.BASE + "attachment-refused");

	private static final Kind KIND = new Kind(TYPE, "Attachment refused");

	private final String reason;

	RefusedUploadException(String reason, String detail) {
		super(KIND, detail, Map.of("reason", reason));
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
