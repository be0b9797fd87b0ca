package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/** The user is known but may not do this; the detail says why. */
public non-sealed class ForbiddenException extends DomainException {

	protected ForbiddenException(String detail) {
		super(null, detail, List.of(), Map.of());
	}

	public static ForbiddenException because(String detail) {
		return new ForbiddenException(detail);
	}

}
