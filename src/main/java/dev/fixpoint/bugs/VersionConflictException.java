package dev.fixpoint.bugs;

import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.Problems;

import org.springframework.http.HttpStatus;

/** The client edited an old version: 409 with the current bug, so it can merge and retry. */
public class VersionConflictException extends DomainException {

	private final Bug current;

	VersionConflictException(Bug current, int sentVersion) {
		super(HttpStatus.CONFLICT, Problems.VERSION_CONFLICT, "Version conflict", "This bug was changed by someone else "
				+ "(you edited version " + sentVersion + ", it is now at version " + current.version() + ")",
				List.of(), Map.of("current", current));
		this.current = current;
	}

	public Bug current() {
		return this.current;
	}

}
