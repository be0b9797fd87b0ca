package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.ConflictException;
import dev.fixpoint.platform.Problems;

/**
 * The client edited an old version: a conflict with the current bug, so it can merge and
 * retry.
 */
public class VersionConflictException extends ConflictException {

	private static final Kind KIND = new Kind(Problems.VERSION_CONFLICT, "Version conflict");

	private final Bug current;

	VersionConflictException(Bug current, int sentVersion) {
		super(KIND, "This bug was changed by someone else (you edited version " + sentVersion
				+ ", it is now at version " + current.version() + ")", List.of(), Map.of("current", current));
		this.current = current;
	}

	public Bug current() {
		return this.current;
	}

}
