package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/** The user is known but may not do this; the detail says why. */
public non-sealed class ForbiddenException extends DomainException {

	protected ForbiddenException(String detail) {
		super(null, detail, List.of(), Map.of());
	}

	/** A refusal of its own kind (a plan's limit), with the facts that explain it. */
	protected ForbiddenException(Kind kind, String detail, Map<String, Object> properties) {
		super(kind, detail, List.of(), properties);
	}

	public static ForbiddenException because(String detail) {
		return new ForbiddenException(detail);
	}

}
