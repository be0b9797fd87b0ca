package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.platform.web.FormErrors;

/**
 * A person's security settings: their second factor (status, an enrolment in progress
 * with its QR code, recovery codes right after they were made), and the organizations
 * they administer with their 2FA rule.
 */
public record SecurityPage(SecondFactors.Status status, SecondFactors.TotpEnrolment enrolment, String qrCode,
		List<String> recoveryCodes, List<OrgRule> orgs, FormErrors errors, String notice) {

	/** An organization the person administers, and whether it requires 2FA. */
	public record OrgRule(String slug, String name, boolean required) {

		public String action() {
			return SecondFactorRoutes.ORG_RULE.replace("{org}", this.slug);
		}

	}

	public String startUrl() {
		return SecondFactorRoutes.TOTP;
	}

	public String confirmUrl() {
		return SecondFactorRoutes.TOTP_CONFIRM;
	}

	public String disableUrl() {
		return SecondFactorRoutes.TOTP_DISABLE;
	}

	public String recoveryCodesUrl() {
		return SecondFactorRoutes.RECOVERY_CODES;
	}

	/** The seed in groups of four, easier to type. */
	public String groupedSecret() {
		return this.enrolment == null ? null : this.enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
	}

}
