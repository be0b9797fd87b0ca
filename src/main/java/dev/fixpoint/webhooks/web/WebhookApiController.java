package dev.fixpoint.webhooks.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Page;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.webhooks.NewWebhook;
import dev.fixpoint.webhooks.Webhook;
import dev.fixpoint.webhooks.WebhookChanges;
import dev.fixpoint.webhooks.WebhookDeliveries;
import dev.fixpoint.webhooks.WebhookDelivery;
import dev.fixpoint.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Webhooks",
		description = "Outbound webhooks: signed JSON deliveries of a project's events, for its administrators")
class WebhookApiController {

	private static final String ADMINS_ONLY = "Not an admin of the project or of its organization";

	private final Webhooks webhooks;

	private final WebhookDeliveries deliveries;

	WebhookApiController(Webhooks webhooks, WebhookDeliveries deliveries) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
	}

	@GetMapping("/api/projects/{project}/webhooks")
	@Operation(operationId = "listWebhooks", summary = "A project's webhooks (secrets are never shown)")
	@ApiResponse(responseCode = "200", description = "The webhooks, oldest first")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	List<Webhook> list(@PathVariable String project, @Authenticated CurrentUser user) {
		return this.webhooks.list(project, user);
	}

	@PostMapping("/api/projects/{project}/webhooks")
	@Operation(operationId = "addWebhook", summary = "Add a webhook",
			description = "Without a secret one is generated and returned once, in this answer. Every delivery is "
					+ "signed: X-Fixpoint-Signature-256: sha256=<HMAC-SHA256 of the raw body with the secret>.")
	@ApiResponse(responseCode = "201", description = "Added; Location names the webhook")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	ResponseEntity<Webhook> add(@PathVariable String project, @RequestBody NewWebhook hook,
			@Authenticated CurrentUser user) {
		Webhook created = this.webhooks.add(project, hook, user);
		return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
	}

	@GetMapping("/api/webhooks/{id}")
	@Operation(operationId = "getWebhook", summary = "One webhook")
	@ApiResponse(responseCode = "200", description = "The webhook")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	Webhook get(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.webhooks.get(id, user);
	}

	@PatchMapping("/api/webhooks/{id}")
	@Operation(operationId = "changeWebhook",
			summary = "Change a webhook; fields left out stay, active: true enables it again")
	@ApiResponse(responseCode = "200", description = "The webhook as changed")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	Webhook change(@PathVariable UUID id, @RequestBody WebhookChanges changes, @Authenticated CurrentUser user) {
		return this.webhooks.change(id, changes, user);
	}

	@DeleteMapping("/api/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteWebhook", summary = "Remove a webhook and its delivery log")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	void delete(@PathVariable UUID id, @Authenticated CurrentUser user) {
		this.webhooks.remove(id, user);
	}

	@GetMapping("/api/webhooks/{id}/deliveries")
	@Operation(operationId = "listWebhookDeliveries",
			summary = "The delivery log (30 days), newest first: request, status, duration, answer excerpt")
	@ApiResponse(responseCode = "200", description = "One page of deliveries")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	Page<WebhookDelivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, @Authenticated CurrentUser user) {
		return this.deliveries.list(id, cursor, limit, user);
	}

	@PostMapping("/api/webhooks/{id}/deliveries/{delivery}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "redeliverWebhookDelivery",
			summary = "Send a logged delivery again (same body, new delivery id)")
	@ApiResponse(responseCode = "202", description = "Queued; the new delivery, pending")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	WebhookDelivery redeliver(@PathVariable UUID id, @PathVariable UUID delivery, @Authenticated CurrentUser user) {
		return this.deliveries.redeliver(id, delivery, user);
	}

	@PostMapping("/api/webhooks/{id}/ping")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "pingWebhook", summary = "Send a test ping event")
	@ApiResponse(responseCode = "202", description = "Queued; the ping's delivery, pending")
	@ApiResponse(responseCode = "403", description = ADMINS_ONLY)
	WebhookDelivery ping(@PathVariable UUID id, @Authenticated CurrentUser user) {
		return this.deliveries.ping(id, user);
	}

}
