package dev.fixpoint.portal.web;

import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.platform.web.ClientAddress;
import dev.fixpoint.platform.web.RateLimitHeaders;
import dev.fixpoint.platform.web.RateLimited;
import dev.fixpoint.portal.Portal;
import dev.fixpoint.portal.StatusPage;
import dev.fixpoint.portal.StatusSubscriber;
import dev.fixpoint.portal.StatusSubscribers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Status page subscriptions by API: anyone asks for one (double opt-in: the email's token
 * confirms it), confirms or ends it with its token; the organization's admins list and
 * remove subscribers.
 */
@ApiController
@Tag(name = "Portal")
class StatusSubscriptionApiController {

	/** Asks for a subscription to the whole page, or ({@code entry_id}) to one entry. */
	record SubscriptionRequest(String email, UUID entryId) {
	}

	/** The token of a subscription's confirmation or unsubscribe link. */
	record SubscriptionToken(String token) {
	}

	private final StatusPage status;

	private final StatusSubscribers subscribers;

	private final Portal portal;

	StatusSubscriptionApiController(StatusPage status, StatusSubscribers subscribers, Portal portal) {
		this.status = status;
		this.subscribers = subscribers;
		this.portal = portal;
	}

	@PostMapping("/api/status/{org}/subscriptions")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "subscribeToStatusPage",
			summary = "Ask for email updates of a status page, or of one of its entries: an email with a "
					+ "confirmation token is sent (double opt-in). The answer is the same whether or not the "
					+ "address is subscribed already")
	@SecurityRequirements
	@RateLimited("subscriptions per client address and per email address")
	@ApiResponse(responseCode = "202", description = "Accepted: the confirmation email is on its way (if one is due)")
	@ApiResponse(responseCode = "404", description = "No such status page, or no such entry on it")
	void subscribe(@PathVariable String org, @RequestBody SubscriptionRequest subscription, HttpServletRequest request,
			HttpServletResponse response) {
		String address = ClientAddress.of(request);
		try {
			if (subscription.entryId() == null) {
				this.status.subscribe(org, subscription.email(), address);
			}
			else {
				this.status.subscribeToEntry(org, subscription.entryId(), subscription.email(), address);
			}
		}
		finally {
			RateLimitHeaders.write(response, this.portal.quota(address));
		}
	}

	@PostMapping("/api/status/subscriptions/confirm")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "confirmStatusSubscription",
			summary = "Confirm a status page subscription with the token of its confirmation email")
	@SecurityRequirements
	@ApiResponse(responseCode = "204", description = "Confirmed (confirming twice changes nothing)")
	@ApiResponse(responseCode = "404", description = "Unknown token")
	void confirm(@RequestBody SubscriptionToken token) {
		this.status.confirm(token.token());
	}

	@PostMapping("/api/status/subscriptions/unsubscribe")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "unsubscribeFromStatusPage",
			summary = "End a status page subscription with the token of any of its emails")
	@SecurityRequirements
	@ApiResponse(responseCode = "204", description = "Ended: no more emails")
	@ApiResponse(responseCode = "404", description = "Unknown token (or ended already)")
	void unsubscribe(@RequestBody SubscriptionToken token) {
		this.status.unsubscribe(token.token());
	}

	@GetMapping("/api/orgs/{org}/status/subscribers")
	@Operation(operationId = "listStatusSubscribers",
			summary = "The status page's subscribers, newest first (organization admins)")
	@ApiResponse(responseCode = "200", description = "One page of subscribers; `next_cursor` continues")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	Page<StatusSubscriber> list(@PathVariable String org,
			@Parameter(description = "`next_cursor` of the previous page") @RequestParam(
					required = false) String cursor,
			@Parameter(description = "Page size, 1 to 100 (default 25)") @RequestParam(required = false) Integer limit,
			@Authenticated CurrentUser user) {
		return this.subscribers.list(org, user, cursor, limit);
	}

	@DeleteMapping("/api/orgs/{org}/status/subscribers/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "removeStatusSubscriber",
			summary = "Remove a subscriber of the status page (organization admins): no more emails")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	void remove(@PathVariable String org, @PathVariable UUID id, @Authenticated CurrentUser user) {
		this.subscribers.remove(org, user, id);
	}

}
