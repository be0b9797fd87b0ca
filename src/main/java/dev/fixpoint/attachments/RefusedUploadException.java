package dev.fixpoint.attachments;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;

/**
 * An upload that was read but refused (wrong or disallowed type, malware, unreadable): 422 with a {@code reason}
 * ({@code type-mismatch}, {@code type-not-allowed}, {@code malware}, ...). Nothing of it is kept.
 */
public class RefusedUploadException extends DomainException {

	public static final URI TYPE = URI.create(Problems.BASE + "attachment-refused");

	private final String reason;

	RefusedUploadException(String reason, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, TYPE, "Attachment refused", detail, List.of(),
				Map.of("reason", reason));
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
