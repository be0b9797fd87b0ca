package dev.fixpoint.bugs;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a person's change was made when not on Fixpoint's own pages or API: written with
 * each history entry of the change ({@code bug_history.via}) and shown with it ("Ann
 * resolved it via Slack"). The change itself is the person's, with their role and the
 * workflow's rules. Integrations that act as themselves (a named
 * {@code accounts.SystemActor}: GitHub, the portal, imports) need none: their name says
 * it.
 */
public enum Via {

	/** A linked person's buttons, commands, modals and shortcut in Slack. */
	SLACK("slack", "Slack");

	private final String key;

	private final String label;

	Via(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** As stored and in the API: {@code slack}. */
	@JsonValue
	public String key() {
		return this.key;
	}

	/** For people: "Slack". */
	public String label() {
		return this.label;
	}

	/**
	 * The one stored as {@code key}; empty for null or one this version does not know.
	 */
	public static Optional<Via> parse(String key) {
		return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
	}

}
