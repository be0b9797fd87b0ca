package dev.fixpoint.accounts.web;

import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.accounts.Passkeys;
import dev.fixpoint.accounts.Plan;
import dev.fixpoint.accounts.Plans;
import dev.fixpoint.accounts.RememberedDevices;
import dev.fixpoint.accounts.SecondFactors;
import dev.fixpoint.accounts.SsoDomains;
import dev.fixpoint.accounts.SsoSettings;
import dev.fixpoint.accounts.TwoFactorPolicy;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.UnauthorizedException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The security settings page: turn TOTP on (QR code, confirm with a code, recovery codes
 * shown once), off (password and code), new recovery codes, and the 2FA rule of the
 * organizations the person administers.
 */
@Controller
class SecurityController {

	private final SecondFactors factors;

	private final TwoFactorPolicy policy;

	private final Organizations organizations;

	private final Passkeys passkeys;

	private final RememberedDevices devices;

	private final SsoSettings sso;

	private final Plans plans;

	private final SsoDomains domains;

	SecurityController(SecondFactors factors, TwoFactorPolicy policy, Organizations organizations, Passkeys passkeys,
			RememberedDevices devices, SsoSettings sso, Plans plans, SsoDomains domains) {
		this.domains = domains;
		this.sso = sso;
		this.plans = plans;
		this.factors = factors;
		this.policy = policy;
		this.organizations = organizations;
		this.passkeys = passkeys;
		this.devices = devices;
	}

	@SuppressWarnings("unchecked")
	@GetMapping(SecondFactorRoutes.SECURITY)
	String show(@Authenticated CurrentUser user, Model model) {
		model
			.addAttribute("page",
					page(user, (List<String>) model.getAttribute("recoveryCodes"), FormErrors.none(),
							(String) model.getAttribute("notice"))
						.continuingTo((String) model.getAttribute("continueTo")));
		return "accounts/security";
	}

	@PostMapping(SecondFactorRoutes.TOTP)
	String start(@Authenticated CurrentUser user) {
		this.factors.startTotp(user);
		return "redirect:" + SecondFactorRoutes.SECURITY;
	}

	@PostMapping(SecondFactorRoutes.TOTP_CONFIRM)
	String confirm(@RequestParam(defaultValue = "") String code, @Authenticated CurrentUser user,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return switch (Forms.submit(() -> this.factors.confirmTotp(user, code))) {
			case Accepted<List<String>>(List<String> codes) -> {
				// the recovery codes are shown once, here: the way on is a link beside
				// them
				String destination = EnrolmentGate.open(request);
				if (destination != null) {
					redirect.addFlashAttribute("continueTo", destination);
				}
				redirect.addFlashAttribute("recoveryCodes", codes);
				redirect.addFlashAttribute("notice", "Two-factor authentication is on.");
				yield "redirect:" + SecondFactorRoutes.SECURITY;
			}
			case Rejected<List<String>> rejected -> retry(rejected, user, response, model);
		};
	}

	@PostMapping(SecondFactorRoutes.TOTP_DISABLE)
	String disable(@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String code,
			@Authenticated CurrentUser user, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.run(() -> this.factors.disable(user, password, code))) {
			case Accepted<Void> accepted -> {
				redirect.addFlashAttribute("notice", "Two-factor authentication is off.");
				yield "redirect:" + SecondFactorRoutes.SECURITY;
			}
			case Rejected<Void> rejected -> retry(rejected, user, response, model);
		};
	}

	@PostMapping(SecondFactorRoutes.RECOVERY_CODES)
	String regenerate(@RequestParam(name = "otp", defaultValue = "") String code, @Authenticated CurrentUser user,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		return switch (Forms.alsoInForm(UnauthorizedException.class)
			.submit(() -> this.factors.regenerateRecoveryCodes(user, code))) {
			case Accepted<List<String>>(List<String> codes) -> {
				redirect.addFlashAttribute("recoveryCodes", codes);
				redirect.addFlashAttribute("notice", "New recovery codes: the old ones no longer work.");
				yield "redirect:" + SecondFactorRoutes.SECURITY;
			}
			case Rejected<List<String>> rejected -> retry(rejected, user, response, model);
		};
	}

	@PostMapping(SecondFactorRoutes.ORG_RULE)
	String require(@PathVariable String org, @RequestParam(defaultValue = "false") boolean required,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.policy.require(org, user, required);
		redirect.addFlashAttribute("notice", required ? "Two-factor authentication is now required of its members."
				: "Two-factor authentication is no longer required.");
		return "redirect:" + SecondFactorRoutes.SECURITY;
	}

	@PostMapping(SecondFactorRoutes.ORG_SSO)
	String sso(@PathVariable String org, SsoForm form, @Authenticated CurrentUser user, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return switch (Forms.submit(() -> this.sso.configure(org, user, form.provider()))) {
			case Accepted<SsoSettings.SsoProvider> accepted -> {
				redirect.addFlashAttribute("notice", "Single sign-on saved.");
				yield "redirect:" + SecondFactorRoutes.SECURITY + "#org-two-factor";
			}
			case Rejected<SsoSettings.SsoProvider> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", page(user, null,
						FormErrors.summary("Single sign-on was not saved. " + rejected.errors().text()), null));
				yield "accounts/security";
			}
		};
	}

	@PostMapping(SecondFactorRoutes.ORG_SSO_DOMAIN)
	String confirmDomain(@PathVariable String org, @PathVariable String domain,
			@RequestParam(required = false) String email, @Authenticated CurrentUser user, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		return switch (Forms.run(() -> this.domains.requestConfirmation(org, user, domain, email))) {
			case Accepted<Void> sent -> {
				redirect.addFlashAttribute("notice", "A confirmation link for " + domain + " is on its way to "
						+ email.strip() + ": the domain signs in through single sign-on once it is followed.");
				yield "redirect:" + SecondFactorRoutes.SECURITY + "#sso-" + org;
			}
			case Rejected<Void> rejected -> {
				response.setStatus(rejected.status().value());
				model.addAttribute("page", page(user, null,
						FormErrors.summary("No confirmation link was sent. " + rejected.errors().text()), null));
				yield "accounts/security";
			}
		};
	}

	/**
	 * The single sign-on form of an organization on this page (an unticked box is not
	 * sent: off).
	 */
	record SsoForm(String name, String issuer, String clientId, String clientSecret, String allowedDomains,
			String emailDomains, Boolean provisioning, String defaultRole, Boolean required) {

		SsoSettings.SsoProvider provider() {
			return new SsoSettings.SsoProvider(null, this.name, this.issuer, this.clientId, this.clientSecret,
					list(this.allowedDomains), list(this.emailDomains), Boolean.TRUE.equals(this.provisioning),
					this.defaultRole, Boolean.TRUE.equals(this.required));
		}

		private static List<String> list(String domains) {
			return domains == null ? List.of() : List.of(domains.split("[,\\s]+"));
		}

	}

	private String retry(Rejected<?> rejected, CurrentUser user, HttpServletResponse response, Model model) {
		response.setStatus(rejected.status().value());
		FormErrors errors = rejected.refusal() instanceof UnauthorizedException
				? FormErrors.summary("That code is wrong, expired or already used.") : rejected.errors();
		model.addAttribute("page", page(user, null, errors, null));
		return "accounts/security";
	}

	private List<SsoDomains.DomainClaim> claims(String org, CurrentUser user) {
		return this.sso.find(org, user).isPresent() ? this.domains.claims(org, user) : List.of();
	}

	/** Null when the organization's plan has single sign-on, else the upgrade hint. */
	private String ssoUpgrade(java.util.UUID orgId) {
		Plan plan = this.plans.of(orgId);
		return plan.enterpriseFeatures() ? null
				: "Single sign-on is part of the Enterprise plan (this organization is on " + plan.label()
						+ "): ask a site admin to move it to Enterprise.";
	}

	private SecurityPage page(CurrentUser user, List<String> recoveryCodes, FormErrors errors, String notice) {
		SecondFactors.TotpEnrolment enrolment = this.factors.pendingEnrolment(user).orElse(null);
		List<SecurityPage.OrgRule> orgs = this.organizations.of(user.id())
			.stream()
			.filter(org -> org.isAdmin())
			.map(org -> new SecurityPage.OrgRule(org.slug(), org.name(), this.policy.required(org.slug(), user),
					this.sso.find(org.slug(), user).orElse(null), ssoUpgrade(org.id()), claims(org.slug(), user)))
			.toList();
		return new SecurityPage(this.factors.status(user.id()), enrolment,
				enrolment == null ? null : QrCodes.svgDataUri(enrolment.otpauthUrl()), recoveryCodes,
				this.passkeys.list(user.id()), this.devices.list(user.id()), orgs, errors, notice, null);
	}

}
