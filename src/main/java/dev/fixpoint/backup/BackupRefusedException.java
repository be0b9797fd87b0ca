package dev.fixpoint.backup;

/**
 * A backup or restore that cannot go on, with a message for the operator's terminal: one
 * line, no stack trace.
 */
public class BackupRefusedException extends RuntimeException {

	BackupRefusedException(String message) {
		super(message);
	}

	BackupRefusedException(String message, Throwable cause) {
		super(message, cause);
	}

}
