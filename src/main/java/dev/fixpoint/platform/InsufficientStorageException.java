package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server has no room left to keep what the request brought (a full disk or bucket);
 * nothing was stored. Unlike a quota ({@link LimitExceededException}) this is not the
 * caller's limit but the installation's, so only an operator can fix it. Always a named
 * {@link Kind}.
 */
public abstract non-sealed class InsufficientStorageException extends DomainException {

	protected InsufficientStorageException(Kind kind, String detail, Map<String, Object> properties) {
		super(Objects.requireNonNull(kind, "a full store names its kind"), detail, List.of(), properties);
	}

}
