package dev.fixpoint.accounts;

import dev.fixpoint.platform.InvalidInputException;

/** The one password rule (as at signup): 10 to 200 characters. */
final class Passwords {

	private Passwords() {
	}

	static void check(String field, String password) {
		if (password == null || password.length() < 10 || password.length() > 200) {
			throw InvalidInputException.of(field, "must be at least 10 characters");
		}
	}

}
