package dev.fixpoint.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Well-formed input that a rule of the product refuses as a whole (a workflow transition,
 * an upload's content); always a named {@link Kind}, with the facts that explain it.
 */
public abstract non-sealed class RefusedException extends DomainException {

	protected RefusedException(Kind kind, String detail, Map<String, Object> properties) {
		super(Objects.requireNonNull(kind, "a refusal names its kind"), detail, List.of(), properties);
	}

}
