package dev.fixpoint.portal.web;

import java.util.Arrays;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;

import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.FormErrors;
import dev.fixpoint.platform.web.FormSubmission.Accepted;
import dev.fixpoint.platform.web.FormSubmission.Rejected;
import dev.fixpoint.platform.web.Forms;
import dev.fixpoint.portal.Portal;
import dev.fixpoint.portal.PortalFile;
import dev.fixpoint.portal.Tickets;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * A ticket's private tracking page (its link's token opens it), the email confirmation,
 * the reporter's messages and files, and stopping the emails (also RFC 8058's one-click
 * {@code POST}).
 */
@Controller
class TicketPages {

	private final Tickets tickets;

	private final Portal portal;

	TicketPages(Tickets tickets, Portal portal) {
		this.tickets = tickets;
		this.portal = portal;
	}

	@GetMapping("/portal/tickets/{ticket}")
	ModelAndView ticket(@PathVariable String ticket, @RequestParam(required = false) String token,
			@RequestParam(required = false) String confirm, @RequestParam(required = false) String received,
			@RequestParam(required = false) String confirmed, @RequestParam(required = false) String sent,
			@RequestParam(required = false) String refused) {
		String notice = received != null ? "received" : confirmed != null ? "confirmed" : sent != null ? "sent" : null;
		return page(ticket, token, confirm, notice, refused == null ? List.of() : Arrays.asList(refused.split("\n")),
				FormErrors.none(), "");
	}

	private ModelAndView page(String ticket, String token, String confirm, String notice, List<String> refused,
			FormErrors errors, String message) {
		return new ModelAndView("portal/ticket", "page",
				new TicketPage(this.tickets.track(ticket, token), token, confirm, notice, refused, errors, message));
	}

	@PostMapping("/portal/confirm")
	String confirm(@RequestParam(required = false) String confirm) {
		return "redirect:" + this.portal.confirm(confirm) + "&confirmed";
	}

	@PostMapping("/portal/tickets/{ticket}/messages")
	ModelAndView message(@PathVariable String ticket, @RequestParam(required = false) String token,
			@RequestParam(required = false) String message,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, HttpServletRequest request) {
		List<PortalFile> uploads = files == null ? List.of()
				: files.stream()
					.filter(f -> !f.isEmpty())
					.map(f -> new PortalFile(f.getOriginalFilename(), f.getSize(), f))
					.toList();
		String address = ClientAddress.of(request);
		return switch (Forms.submit(() -> {
			this.tickets.addInformation(ticket, token, message, uploads, address);
			return ticket;
		})) {
			case Accepted<String> done -> new ModelAndView("redirect:" + PortalRoutes.ticket(ticket) + "?token="
					+ java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8) + "&sent");
			case Rejected<String> rejected -> {
				ModelAndView mav = page(ticket, token, null, null, List.of(), rejected.errors(),
						message == null ? "" : message);
				mav.setStatus(rejected.status());
				yield mav;
			}
		};
	}

	@GetMapping("/portal/tickets/{ticket}/unsubscribe")
	ModelAndView unsubscribePage(@PathVariable String ticket, @RequestParam(required = false) String token) {
		this.tickets.track(ticket, token);
		return new ModelAndView("portal/unsubscribe", "page", new UnsubscribePage(ticket, token,
				PortalRoutes.unsubscribe(ticket), false, "updates on ticket " + ticket));
	}

	@PostMapping("/portal/tickets/{ticket}/unsubscribe")
	ModelAndView unsubscribe(@PathVariable String ticket, @RequestParam(required = false) String token) {
		this.tickets.unsubscribe(ticket, token);
		return new ModelAndView("portal/unsubscribe", "page", new UnsubscribePage(ticket, token,
				PortalRoutes.unsubscribe(ticket), true, "updates on ticket " + ticket));
	}

	@GetMapping("/portal/emails/unsubscribe")
	ModelAndView unsubscribeAllPage(@RequestParam(required = false) String token) {
		if (!this.tickets.knowsReporterToken(token)) {
			throw dev.fixpoint.platform.NotFoundException.of("Subscription");
		}
		return new ModelAndView("portal/unsubscribe", "page",
				new UnsubscribePage("Your reports", token, PortalRoutes.UNSUBSCRIBE_ALL, false, "all of your reports"));
	}

	@PostMapping("/portal/emails/unsubscribe")
	ModelAndView unsubscribeAll(@RequestParam(required = false) String token) {
		this.tickets.unsubscribeAll(token);
		return new ModelAndView("portal/unsubscribe", "page",
				new UnsubscribePage("Your reports", token, PortalRoutes.UNSUBSCRIBE_ALL, true, "all of your reports"));
	}

}
