package dev.fixpoint.accounts.web;

import java.io.Serializable;
import java.time.Instant;

import dev.fixpoint.platform.CurrentUser;

/**
 * A sign-in whose password was right and whose second factor is still to come: kept in a
 * session that is not signed in, for a few minutes, then forgotten.
 */
record PendingSignIn(CurrentUser user, String next, Instant expiresAt) implements Serializable {

	static final String ATTRIBUTE = "fixpoint.pending-sign-in";

	boolean expired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

}
