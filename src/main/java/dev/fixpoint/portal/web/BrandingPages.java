package dev.fixpoint.portal.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.portal.Branding;
import dev.fixpoint.portal.BrandingChange;
import dev.fixpoint.portal.LogoTooLargeException;
import dev.fixpoint.portal.PortalBranding;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For organization admins: the accent colour and logo of the organization's portal,
 * tracking and status pages and their emails. Refusals (a bad colour, not an image, too
 * large) come back inline in the form.
 */
@Controller
class BrandingPages {

	static final String PAGE = "/orgs/{org}/settings/branding";

	private final PortalBranding branding;

	private final Organizations organizations;

	BrandingPages(PortalBranding branding, Organizations organizations) {
		this.branding = branding;
		this.organizations = organizations;
	}

	static String url(String org) {
		return "/orgs/" + org + "/settings/branding";
	}

	@GetMapping(PAGE)
	ModelAndView show(@PathVariable String org, @Authenticated CurrentUser user, Model model) {
		return page(org, user, (String) model.getAttribute("notice"), FormErrors.none(), null, HttpStatus.OK);
	}

	@PostMapping(PAGE)
	ModelAndView accent(@PathVariable String org, @RequestParam(defaultValue = "") String accent,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		return switch (Forms.submit(() -> this.branding.update(org, user, new BrandingChange(accent)))) {
			case Accepted<Branding> done -> saved(org, redirect, "Colour saved.");
			case Rejected<Branding> rejected -> page(org, user, null, rejected.errors(), accent, rejected.status());
		};
	}

	@PostMapping(PAGE + "/logo")
	ModelAndView logo(@PathVariable String org, @RequestParam(name = "file", required = false) MultipartFile file,
			@Authenticated CurrentUser user, RedirectAttributes redirect) {
		return switch (Forms.submit(() -> this.branding.uploadLogo(org, user, bytes(file)))) {
			case Accepted<Branding> done -> saved(org, redirect, "Logo saved.");
			case Rejected<Branding> rejected -> page(org, user, null, rejected.errors(), null, rejected.status());
		};
	}

	@PostMapping(PAGE + "/logo/remove")
	ModelAndView removeLogo(@PathVariable String org, @Authenticated CurrentUser user, RedirectAttributes redirect) {
		this.branding.removeLogo(org, user);
		return saved(org, redirect, "Logo removed.");
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "is required: a PNG, JPEG or WebP image");
		}
		if (file.getSize() > PortalBranding.LOGO_MAX) {
			throw new LogoTooLargeException();
		}
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ModelAndView saved(String org, RedirectAttributes redirect, String notice) {
		redirect.addFlashAttribute("notice", notice);
		return new ModelAndView("redirect:" + url(org));
	}

	private ModelAndView page(String org, CurrentUser user, String notice, FormErrors errors, String accent,
			HttpStatus status) {
		Branding current = this.branding.settings(org, user);
		ModelAndView mav = new ModelAndView("portal/branding", "page",
				new BrandingPage(this.organizations.administered(org, user), current, notice, errors, accent));
		mav.setStatus(status);
		return mav;
	}

}
