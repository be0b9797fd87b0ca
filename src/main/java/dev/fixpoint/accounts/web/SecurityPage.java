package dev.fixpoint.accounts.web;

import java.util.List;

import dev.fixpoint.accounts.Passkeys;
import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.accounts.SsoDomains;
import dev.fixpoint.accounts.SsoSettings;
import dev.fixpoint.platform.web.FormErrors;

/**
 * A person's security settings: their second factor (status, an enrolment in progress
 * with its QR code, recovery codes right after they were made), their passkeys and
 * remembered devices, and the organizations they administer with their 2FA rule.
 */
public record SecurityPage(SecondFactors.TwoFactorStatus status, SecondFactors.TotpEnrolment enrolment, String qrCode,
		List<String> recoveryCodes, List<Passkeys.Passkey> passkeys, List<RememberedDevices.RememberedDevice> devices,
		List<OrgRule> orgs, FormErrors errors, String notice, String continueTo) {

	/**
	 * This page with the way on to where the person was going when an organization's rule
	 * sent them here (a local path; null for none).
	 */
	public SecurityPage continuingTo(String path) {
		return new SecurityPage(this.status, this.enrolment, this.qrCode, this.recoveryCodes, this.passkeys,
				this.devices, this.orgs, this.errors, this.notice, path);
	}

	public String passkeyOptionsUrl() {
		return SecondFactorRoutes.PASSKEY_OPTIONS;
	}

	public String passkeysUrl() {
		return SecondFactorRoutes.PASSKEYS;
	}

	public static String renameUrl(Passkeys.Passkey passkey) {
		return SecondFactorRoutes.PASSKEY_RENAME.replace("{id}", passkey.id());
	}

	public static String deleteUrl(Passkeys.Passkey passkey) {
		return SecondFactorRoutes.PASSKEY_DELETE.replace("{id}", passkey.id());
	}

	public static String forgetUrl(RememberedDevices.RememberedDevice device) {
		return SecondFactorRoutes.DEVICE_FORGET.replace("{id}", device.id().toString());
	}

	public static String date(java.time.Instant instant) {
		return instant == null ? "never"
				: java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(java.time.ZoneOffset.UTC));
	}

	/**
	 * An organization the person administers: whether it requires 2FA, its single sign-on
	 * provider (null: none), and, when its plan has no single sign-on, what to do about
	 * it (null: it has).
	 */
	public record OrgRule(String slug, String name, boolean required, SsoSettings.SsoProvider sso, String ssoUpgrade,
			List<SsoDomains.DomainClaim> claims) {

		/** Where a confirmation link for a claimed domain is requested. */
		public String confirmationAction(SsoDomains.DomainClaim claim) {
			return SecondFactorRoutes.ORG_SSO_DOMAIN.replace("{org}", this.slug).replace("{domain}", claim.domain());
		}

		public String action() {
			return SecondFactorRoutes.ORG_RULE.replace("{org}", this.slug);
		}

		public String ssoAction() {
			return SecondFactorRoutes.ORG_SSO.replace("{org}", this.slug);
		}

		public String domains() {
			return this.sso == null ? "" : String.join(", ", this.sso.allowedDomains());
		}

		public String emailDomains() {
			return this.sso == null ? "" : String.join(", ", this.sso.emailDomains());
		}

		public String callbackHint() {
			return this.sso == null ? null : "/login/oauth2/code/" + this.sso.id();
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
