package dev.fixpoint.accounts.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.fixpoint.accounts.ActiveSession;
import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Profile;
import dev.fixpoint.platform.web.FormErrors;

/**
 * The profile and security page: the profile form, the password and email forms, the
 * signed-in sessions, the organizations (with their members and, for their admins, audit
 * log pages), the data export and account deletion. {@code section} names the form an
 * error or notice belongs to.
 */
public record ProfilePage(Profile profile, List<ActiveSession> sessions, List<OrganizationMembership> organizations,
		String section, FormErrors errors, String notice) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

	private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	public Set<String> zones() {
		return ZONES;
	}

	public List<String> themes() {
		return List.of("system", "light", "dark");
	}

	public FormErrors errorsFor(String name) {
		return name.equals(this.section) ? this.errors : FormErrors.none();
	}

	public String noticeFor(String name) {
		return name.equals(this.section) ? this.notice : null;
	}

	public String when(Instant instant) {
		ZoneId zone = ZoneId.of(this.profile.timeZone());
		return WHEN.format(instant.atZone(zone));
	}

	public String avatarStyle() {
		return "background: hsl(" + this.profile.avatarHue() + " 55% 45%); color: #fff";
	}

}
