package dev.fixpoint.slack;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Problems;

/**
 * "Add to Slack" came back with a state this installation cannot accept (made up or
 * altered, someone else's, expired, already used) or a code Slack refused: 400 with what
 * to do, nothing stored.
 */
public final class SlackInstallRefusedException extends InvalidInputException {

	public static final URI TYPE = URI.create(Problems.BASE + "slack-install-refused");

	private static final Kind KIND = new Kind(TYPE, "Slack installation refused");

	private static final String AGAIN = " Start again from your organization's Slack settings.";

	static final String FORGED = "This “Add to Slack” answer was not started by Fixpoint: its state is missing or "
			+ "has been altered." + AGAIN;

	static final String OTHER_SESSION = "This “Add to Slack” was started by someone else or in another browser "
			+ "session, so it cannot be finished here." + AGAIN;

	static final String EXPIRED = "This “Add to Slack” expired: it has to be finished within "
			+ SlackInstall.WINDOW.toMinutes() + " minutes of starting it." + AGAIN;

	static final String USED = "This “Add to Slack” answer was already used." + AGAIN;

	static final String NO_CODE = "Slack sent no authorization code." + AGAIN;

	SlackInstallRefusedException(String detail) {
		super(KIND, detail, List.of(), Map.of());
	}

	static String slackRefused(String error) {
		return "Slack refused the installation (" + error + "); nothing was saved." + AGAIN;
	}

}
