package dev.fixpoint.platform;

import java.util.List;

/**
 * One page of a keyset-paginated list: {@code {"items": [...], "next_cursor": "..." |
 * null}}.
 */
public record Page<T>(List<T> items, String nextCursor) {

	public static final int DEFAULT_LIMIT = 25;

	public static final int MAX_LIMIT = 100;

	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return requested;
	}

}
