package dev.fixpoint.forge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.fixpoint.accounts.SystemActor;

/** The two forges Fixpoint links to. */
public enum Forge {

	GITHUB("https://github.com", SystemActor.GITHUB), GITLAB("https://gitlab.com", SystemActor.GITLAB);

	private final String defaultInstance;

	private final SystemActor actor;

	Forge(String defaultInstance, SystemActor actor) {
		this.defaultInstance = defaultInstance;
		this.actor = actor;
	}

	/** As in URLs and the API: {@code github}, {@code gitlab}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String defaultInstance() {
		return this.defaultInstance;
	}

	/** Who history names when this forge changes a bug. */
	public SystemActor actor() {
		return this.actor;
	}

	public String displayName() {
		return this.actor.displayName();
	}

	public static Optional<Forge> parse(String key) {
		return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
	}

	/** The purpose a webhook secret is sealed for (authenticated data of SecretBox). */
	String secretPurpose() {
		return "forge-webhook-secret";
	}

	String tokenPurpose() {
		return "forge-access-token";
	}

}
