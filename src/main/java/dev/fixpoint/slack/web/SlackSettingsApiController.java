package dev.fixpoint.slack.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.slack.ChannelSubscription;
import dev.fixpoint.slack.NewSubscription;
import dev.fixpoint.slack.SlackConnection;
import dev.fixpoint.slack.SlackConnectionChange;
import dev.fixpoint.slack.SlackSubscriptions;
import dev.fixpoint.slack.SlackWorkspaces;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The organization's Slack connection (org admins) and the channels subscribed to a
 * project (project admins; members read).
 */
@ApiController
@Tag(name = "Integrations")
class SlackSettingsApiController {

	record SubscriptionList(List<ChannelSubscription> items) {
	}

	private static final String ORG = "/api/orgs/{org}/integrations/slack";

	private static final String SUBSCRIPTIONS = "/api/projects/{project}/integrations/slack/subscriptions";

	private final SlackWorkspaces workspaces;

	private final SlackSubscriptions subscriptions;

	SlackSettingsApiController(SlackWorkspaces workspaces, SlackSubscriptions subscriptions) {
		this.workspaces = workspaces;
		this.subscriptions = subscriptions;
	}

	@GetMapping(ORG)
	@Operation(operationId = "getSlackConnection",
			summary = "The organization's Slack workspace, its request URLs and app manifest (org admins; secrets only as set)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "200", description = "The connection (connected: false before one is made)")
	SlackConnection get(@PathVariable String org, @Authenticated CurrentUser user) {
		return this.workspaces.connection(org, user);
	}

	@PutMapping(ORG)
	@Operation(operationId = "putSlackConnection",
			summary = "Connect a workspace with its app's bot token and signing secret, or replace either (org admins; write-only)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	@ApiResponse(responseCode = "409", description = "The workspace is connected to another organization")
	@ApiResponse(responseCode = "503", description = "Slack could not be reached to check the token; nothing was saved")
	@ApiResponse(responseCode = "200", description = "The connection as saved")
	SlackConnection put(@PathVariable String org, @RequestBody SlackConnectionChange change,
			@Authenticated CurrentUser user) {
		return this.workspaces.connect(org, change, user);
	}

	@DeleteMapping(ORG)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSlackConnection",
			summary = "Disconnect the workspace: its tokens, links and posts' records are deleted (org admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the organization")
	void delete(@PathVariable String org, @Authenticated CurrentUser user) {
		this.workspaces.disconnect(org, user);
	}

	@GetMapping(SUBSCRIPTIONS)
	@Operation(operationId = "listSlackSubscriptions", summary = "The Slack channels subscribed to the project")
	@ApiResponse(responseCode = "200", description = "The subscriptions")
	SubscriptionList list(@PathVariable String project, @Authenticated CurrentUser user) {
		return new SubscriptionList(this.subscriptions.list(project, user));
	}

	@PostMapping(SUBSCRIPTIONS)
	@Operation(operationId = "createSlackSubscription",
			summary = "Subscribe a Slack channel to the project's bugs, with the events and severities it wants (project admins)")
	@ApiResponse(responseCode = "201", description = "Subscribed")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	@ApiResponse(responseCode = "409", description = "The project has 20 subscriptions already")
	ResponseEntity<ChannelSubscription> create(@PathVariable String project, @RequestBody NewSubscription subscription,
			@Authenticated CurrentUser user) {
		ChannelSubscription created = this.subscriptions.subscribe(project, subscription, user);
		return ResponseEntity
			.created(URI
				.create("/api/projects/" + created.projectId() + "/integrations/slack/subscriptions/" + created.id()))
			.body(created);
	}

	@DeleteMapping(SUBSCRIPTIONS + "/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSlackSubscription", summary = "Unsubscribe a channel (project admins)")
	@ApiResponse(responseCode = "403", description = "The caller is not an admin of the project")
	void unsubscribe(@PathVariable String project, @PathVariable UUID id, @Authenticated CurrentUser user) {
		this.subscriptions.unsubscribe(project, id, user);
	}

}
