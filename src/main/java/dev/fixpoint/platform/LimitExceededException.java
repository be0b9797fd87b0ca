package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;

/**
 * Something bigger than a limit allows (a file's size, a storage quota);
 * {@code properties} say which limit.
 */
public abstract non-sealed class LimitExceededException extends DomainException {

	protected LimitExceededException(String detail, Map<String, Object> properties) {
		super(null, detail, List.of(), properties);
	}

}
