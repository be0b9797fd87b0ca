package dev.fixpoint.portal.web;

import java.time.Duration;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.FixpointProperties;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.portal.Logo;
import dev.fixpoint.portal.StatusPage;
import dev.fixpoint.portal.StatusPageView;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * An organization's public status page, its Atom and RSS feeds, and email subscriptions
 * (double opt-in: the link in the email confirms; every update carries an unsubscribe
 * link).
 */
@Controller
class StatusPages {

	private final StatusPage status;

	private final String baseUrl;

	StatusPages(StatusPage status, FixpointProperties properties) {
		this.status = status;
		this.baseUrl = properties.baseUrl().replaceAll("/+$", "");
	}

	@GetMapping("/status/{org}")
	ModelAndView page(@PathVariable String org, @RequestParam(required = false) String subscribe,
			@RequestParam(required = false) UUID following) {
		return new ModelAndView("portal/status", "page",
				new StatusPageModel(this.status.page(org),
						following != null ? "follow" : subscribe == null ? null : "subscribe", FormErrors.none(), "",
						following, this.status.branding(org)));
	}

	@GetMapping(path = "/status/{org}/feed.atom")
	ResponseEntity<String> feed(@PathVariable String org) {
		StatusPageView view = this.status.page(org);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
			.body(AtomFeed.of(view, this.baseUrl + PortalRoutes.status(org), this.baseUrl + PortalRoutes.feed(org)));
	}

	/**
	 * The organization's logo: its URL carries the content's hash, so a versioned request
	 * is cached for a year; the type is the sniffed one, never SVG.
	 */
	@GetMapping("/status/{org}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String org, @RequestParam(required = false) String v,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		Logo logo = this.status.logo(org).orElseThrow(() -> NotFoundException.of("Logo"));
		String etag = "\"" + logo.hash() + "\"";
		CacheControl cache = logo.hash().equals(v) ? CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable()
				: CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
		if (etag.equals(ifNoneMatch)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.type()))
			.eTag(etag)
			.cacheControl(cache)
			.header("Content-Disposition", "inline; filename=\"logo\"")
			.body(logo.content());
	}

	@GetMapping(path = "/status/{org}/feed.rss")
	ResponseEntity<String> rss(@PathVariable String org) {
		StatusPageView view = this.status.page(org);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/rss+xml;charset=UTF-8"))
			.body(RssFeed.of(view, this.baseUrl + PortalRoutes.status(org), this.baseUrl + PortalRoutes.rss(org)));
	}

	@PostMapping("/status/{org}/subscribe")
	ModelAndView subscribe(@PathVariable String org, @RequestParam(required = false) String email,
			HttpServletRequest request) {
		String address = ClientAddress.of(request);
		return switch (Forms.submit(() -> {
			this.status.subscribe(org, email, address);
			return org;
		})) {
			case Accepted<String> done -> new ModelAndView("redirect:" + PortalRoutes.status(org) + "?subscribe=sent");
			case Rejected<String> rejected -> {
				ModelAndView mav = new ModelAndView("portal/status", "page", new StatusPageModel(this.status.page(org),
						null, rejected.errors(), email == null ? "" : email, null, this.status.branding(org)));
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	@PostMapping("/status/{org}/entries/{entry}/subscribe")
	ModelAndView follow(@PathVariable String org, @PathVariable UUID entry,
			@RequestParam(required = false) String email, HttpServletRequest request) {
		String address = ClientAddress.of(request);
		return switch (Forms.submit(() -> {
			this.status.subscribeToEntry(org, entry, email, address);
			return org;
		})) {
			case Accepted<String> done ->
				new ModelAndView("redirect:" + PortalRoutes.status(org) + "?following=" + entry + "#entry-" + entry);
			case Rejected<String> rejected -> {
				ModelAndView mav = new ModelAndView("portal/status", "page", new StatusPageModel(this.status.page(org),
						null, rejected.errors(), email == null ? "" : email, entry, this.status.branding(org)));
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	@GetMapping("/status/{org}/subscription")
	ModelAndView confirmPage(@PathVariable String org, @RequestParam(required = false) String token) {
		StatusPageView view = this.status.page(org);
		return new ModelAndView("portal/subscription", "page",
				new SubscriptionPage(view.organization(), PortalRoutes.subscription(org), token, false,
						PortalRoutes.status(org), this.status.followedEntry(token), this.status.branding(org)));
	}

	@PostMapping("/status/{org}/subscription")
	ModelAndView confirm(@PathVariable String org, @RequestParam(required = false) String token) {
		StatusPageView view = this.status.page(org);
		String entry = this.status.followedEntry(token);
		this.status.confirm(token);
		return new ModelAndView("portal/subscription", "page",
				new SubscriptionPage(view.organization(), PortalRoutes.subscription(org), token, true,
						PortalRoutes.status(org), entry, this.status.branding(org)));
	}

	@GetMapping("/status/{org}/unsubscribe")
	ModelAndView unsubscribePage(@PathVariable String org, @RequestParam(required = false) String token) {
		StatusPageView view = this.status.page(org);
		return new ModelAndView("portal/unsubscribe", "page", new UnsubscribePage(view.organization(), token,
				PortalRoutes.statusUnsubscribe(org), false, view.organization() + "'s status page"));
	}

	@PostMapping("/status/{org}/unsubscribe")
	ModelAndView unsubscribe(@PathVariable String org, @RequestParam(required = false) String token) {
		StatusPageView view = this.status.page(org);
		this.status.unsubscribe(token);
		return new ModelAndView("portal/unsubscribe", "page", new UnsubscribePage(view.organization(), token,
				PortalRoutes.statusUnsubscribe(org), true, view.organization() + "'s status page"));
	}

}
