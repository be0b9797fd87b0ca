package dev.fixpoint.accounts;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Ends a person's ways in: browser sessions (Spring Session rows), API tokens and the
 * browsers remembered for the second factor (a new password is asked for the second
 * factor again everywhere).
 */
@Component
class Revocations {

	private final BrowserSessionRepository sessions;

	private final TokenRepository tokens;

	private final RememberedDevices devices;

	Revocations(BrowserSessionRepository sessions, TokenRepository tokens, RememberedDevices devices) {
		this.devices = devices;
		this.sessions = sessions;
		this.tokens = tokens;
	}

	/** Every session and token but the caller's own (a null caller: all of them). */
	void allBut(UUID userId, Caller caller) {
		this.sessions.deleteAllExcept(userId, caller == null ? null : caller.sessionId());
		this.tokens.deleteAllExcept(userId, caller == null ? null : caller.tokenHash());
		this.devices.forgetAll(userId);
	}

	/** Sessions only: deactivation keeps tokens (they stop working and come back). */
	void sessionsOf(UUID userId) {
		this.sessions.deleteAllExcept(userId, null);
	}

	List<ActiveSession> sessions(UUID userId, String currentSessionId) {
		return this.sessions.list(userId, currentSessionId);
	}

	boolean session(UUID userId, String id) {
		return this.sessions.delete(userId, id) > 0;
	}

}
