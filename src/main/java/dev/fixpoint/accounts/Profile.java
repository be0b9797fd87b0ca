package dev.fixpoint.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A person's own account as their profile page shows it: what they may change (name,
 * username, time zone, theme) and what they may not change here.
 */
public record Profile(UUID id, String email, String name, String username, String timeZone, String theme,
		boolean emailVerified, boolean siteAdmin, Instant deactivatedAt) {

	/** One or two letters for the avatar: initials of the first and last word. */
	public String initials() {
		String[] words = this.name.trim().split("\\s+");
		String first = words[0].substring(0, 1);
		String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
		return (first + last).toUpperCase(Locale.ROOT);
	}

	/** A stable hue (0–359) for the avatar, from the id. */
	public int avatarHue() {
		return Math.floorMod(this.id.hashCode(), 360);
	}

}
