package dev.fixpoint.slack;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.UnavailableException;

/** Slack did not answer while connecting a workspace: nothing was stored. */
public class SlackUnreachableException extends UnavailableException {

	public static final URI TYPE = URI.create(Problems.BASE + "slack-unreachable");

	private static final Kind KIND = new Kind(TYPE, "Slack unreachable");

	SlackUnreachableException() {
		this("Slack could not be reached to check the token; nothing was saved. Try again in a minute.");
	}

	SlackUnreachableException(String detail) {
		super(KIND, detail, Duration.ofSeconds(30), Map.of("reason", "slack-unreachable"));
	}

}
