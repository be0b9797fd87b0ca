package dev.fixpoint.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.portal.Portal;
import dev.fixpoint.portal.PortalFile;
import dev.fixpoint.portal.PortalForm;
import dev.fixpoint.portal.PortalReceipt;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's form (no account): the page, "Is it one of these?" while the title is
 * typed, and the submission, which redirects to the new ticket's tracking page.
 */
@Controller
class PortalPages {

	private final Portal portal;

	PortalPages(Portal portal) {
		this.portal = portal;
	}

	@GetMapping("/portal/{key}")
	ModelAndView form(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String ua) {
		PortalForm form = this.portal.form(key);
		return new ModelAndView("portal/form", "page",
				new PortalFormPage(form, PortalFormData.empty(UserAgents.describe(ua)), FormErrors.none()));
	}

	/**
	 * Posted (the title and the description so far are the form's fields): a description
	 * as long as a report's may be would not fit in a URL.
	 */
	@PostMapping("/portal/{key}/similar")
	ModelAndView similar(@PathVariable String key, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description) {
		PortalForm form = this.portal.form(key);
		return new ModelAndView("portal/similar", "page",
				new SimilarList(this.portal.similar(key, title, description), form.statusPageUrl()));
	}

	@PostMapping("/portal/{key}")
	ModelAndView submit(@PathVariable String key, PortalFormData data,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request) {
		List<PortalFile> uploads = files == null ? List.of()
				: files.stream()
					.filter(f -> !f.isEmpty())
					.map(f -> new PortalFile(f.getOriginalFilename(), f.getSize(), f))
					.toList();
		String address = ClientAddress.of(request);
		return switch (Forms.submit(() -> this.portal.report(key, data.toReport(), uploads, address))) {
			case Accepted<PortalReceipt>(PortalReceipt receipt) -> new ModelAndView("redirect:"
					+ path(receipt.trackingUrl()) + "&received" + (receipt.refusedFiles().isEmpty() ? "" : "&refused="
							+ URLEncoder.encode(String.join("\n", receipt.refusedFiles()), StandardCharsets.UTF_8)));
			case Rejected<PortalReceipt> rejected -> {
				PortalForm form = this.portal.form(key);
				ModelAndView mav = new ModelAndView("portal/form", "page",
						new PortalFormPage(form, data, rejected.errors()));
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	/** The path and query of a link of this installation. */
	static String path(String url) {
		java.net.URI uri = java.net.URI.create(url);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

}
