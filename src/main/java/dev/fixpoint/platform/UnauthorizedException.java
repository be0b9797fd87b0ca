package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/** Who is asking is unknown: no, wrong or expired credentials. */
public non-sealed class UnauthorizedException extends DomainException {

	protected UnauthorizedException(String detail) {
		super(null, detail, List.of(), Map.of());
	}

	/** A named kind of 401 a client acts on (e.g. "send a second factor"). */
	protected UnauthorizedException(Kind kind, String detail, Map<String, Object> properties) {
		super(kind, detail, List.of(), properties);
	}

	public static UnauthorizedException because(String detail) {
		return new UnauthorizedException(detail);
	}

}
