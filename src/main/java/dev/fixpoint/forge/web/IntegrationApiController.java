package dev.fixpoint.forge.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import jakarta.validation.Valid;

import dev.fixpoint.forge.CreatedLink;
import dev.fixpoint.forge.Delivery;
import dev.fixpoint.forge.ForgeLinks;
import dev.fixpoint.forge.LinkSettings;
import dev.fixpoint.forge.NewLink;
import dev.fixpoint.forge.RepositoryLink;
import dev.fixpoint.forge.Webhooks;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
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
import org.springframework.web.bind.annotation.ResponseStatus;

/** A project's linked GitHub repositories and GitLab projects (project admins). */
@ApiController
@Tag(name = "Integrations")
class IntegrationApiController {

	record LinkList(List<RepositoryLink> items) {
	}

	record DeliveryList(List<Delivery> items) {
	}

	private static final String BASE = "/api/projects/{project}/integrations";

	private final ForgeLinks links;

	private final Webhooks webhooks;

	IntegrationApiController(ForgeLinks links, Webhooks webhooks) {
		this.links = links;
		this.webhooks = webhooks;
	}

	@GetMapping(BASE)
	@Operation(operationId = "listIntegrations",
			summary = "The project's linked repositories, their webhook URL and last delivery (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "200", description = "The links")
	LinkList list(@PathVariable String project, @Authenticated CurrentUser user) {
		return new LinkList(this.links.list(project, user));
	}

	@PostMapping(BASE)
	@Operation(operationId = "createIntegration",
			summary = "Link a GitHub repository or GitLab project; the answer shows the webhook secret, once")
	@ApiResponse(responseCode = "201", description = "Linked; Location names the link")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The repository is already linked to the project")
	ResponseEntity<CreatedLink> create(@PathVariable String project, @Valid @RequestBody NewLink link,
			@Authenticated CurrentUser user) {
		CreatedLink created = this.links.create(project, link, user);
		return ResponseEntity
			.created(URI.create("/api/projects/" + created.link().projectId() + "/integrations/" + created.link().id()))
			.body(created);
	}

	@GetMapping(BASE + "/{link}")
	@Operation(operationId = "getIntegration", summary = "One linked repository (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "200", description = "The link")
	RepositoryLink get(@PathVariable String project, @PathVariable UUID link, @Authenticated CurrentUser user) {
		return this.links.get(project, link, user);
	}

	@PatchMapping(BASE + "/{link}")
	@Operation(operationId = "updateIntegration",
			summary = "Change a link's access token or the statuses pull requests move bugs to (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "200", description = "The link as changed")
	RepositoryLink update(@PathVariable String project, @PathVariable UUID link,
			@Valid @RequestBody LinkSettings settings, @Authenticated CurrentUser user) {
		return this.links.change(project, link, settings, user);
	}

	@PostMapping(BASE + "/{link}/secret")
	@Operation(operationId = "rotateIntegrationSecret",
			summary = "Replace a link's webhook secret with a new one, shown once (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "200", description = "The link and its new secret, shown this once")
	CreatedLink rotate(@PathVariable String project, @PathVariable UUID link, @Authenticated CurrentUser user) {
		return this.links.rotateSecret(project, link, user);
	}

	@DeleteMapping(BASE + "/{link}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteIntegration", summary = "Unlink a repository (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void delete(@PathVariable String project, @PathVariable UUID link, @Authenticated CurrentUser user) {
		this.links.unlink(project, link, user);
	}

	@GetMapping(BASE + "/deliveries")
	@Operation(operationId = "listIntegrationDeliveries",
			summary = "The project's last 100 webhook deliveries, newest first (kept 30 days; project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "200", description = "The deliveries")
	DeliveryList deliveries(@PathVariable String project, @Authenticated CurrentUser user) {
		return new DeliveryList(this.links.deliveries(project, user));
	}

	@PostMapping(BASE + "/deliveries/{delivery}/redeliver")
	@Operation(operationId = "redeliverIntegrationDelivery", summary = "Apply a failed delivery again (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The delivery did not fail: nothing to redeliver")
	@ApiResponse(responseCode = "200", description = "Applied again: what it did")
	Webhooks.Received redeliver(@PathVariable String project, @PathVariable UUID delivery,
			@Authenticated CurrentUser user) {
		return this.webhooks.redeliver(project, delivery, user);
	}

}
