package dev.fixpoint.accounts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.fixpoint.accounts.InvitationPreview;
import dev.fixpoint.platform.web.FormErrors;

/**
 * The page an invitation link lands on. {@code preview} null: the link is invalid, used
 * or expired. Signed in with the invited address: an accept button; with another: how to
 * switch; signed out: a sign-up form for the invited address and a sign-in link.
 */
public record InvitationPage(String token, InvitationPreview preview, String signedInEmail, String name,
		String username, FormErrors errors) {

	public boolean valid() {
		return this.preview != null;
	}

	public boolean signedIn() {
		return this.signedInEmail != null;
	}

	public boolean forMe() {
		return signedIn() && valid() && this.signedInEmail.equalsIgnoreCase(this.preview.email());
	}

	public String loginUrl() {
		return AccountRoutes.LOGIN + "?next="
				+ URLEncoder.encode(InvitationController.ACCEPT + "?token=" + this.token, StandardCharsets.UTF_8);
	}

}
