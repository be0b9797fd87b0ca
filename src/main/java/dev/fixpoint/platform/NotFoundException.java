package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/** Something that does not exist, or that the user may not know exists. */
public non-sealed class NotFoundException extends DomainException {

	protected NotFoundException(String detail) {
		super(null, detail, List.of(), Map.of());
	}

	/** "Bug was not found". */
	public static NotFoundException of(String what) {
		return new NotFoundException(what + " was not found");
	}

}
