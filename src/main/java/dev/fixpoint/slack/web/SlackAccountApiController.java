package dev.fixpoint.slack.web;

import java.util.List;

import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import dev.fixpoint.slack.SlackPeople;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The caller's linked Slack users and whether their notifications go to Slack. */
@ApiController
@Tag(name = "Integrations")
class SlackAccountApiController {

	/** The caller's Slack side: linked users, and Slack as a notification channel. */
	record SlackAccount(List<SlackPeople.LinkedSlackUser> linked, boolean notifications) {
	}

	/** {@code PUT /api/me/integrations/slack}. */
	record SlackAccountChange(boolean notifications) {
	}

	private static final String PATH = "/api/me/integrations/slack";

	private final SlackPeople people;

	SlackAccountApiController(SlackPeople people) {
		this.people = people;
	}

	@GetMapping(PATH)
	@Operation(operationId = "getMySlack", summary = "The caller's linked Slack users and Slack notifications")
	@ApiResponse(responseCode = "200", description = "Linked users (empty when none) and the notification switch")
	SlackAccount get(@Authenticated CurrentUser user) {
		return new SlackAccount(this.people.mine(user), this.people.notifies(user));
	}

	@PutMapping(PATH)
	@Operation(operationId = "putMySlack",
			summary = "Turn Slack on or off as a delivery channel of the caller's notifications (direct messages)")
	@ApiResponse(responseCode = "409", description = "No Slack user is linked yet")
	@ApiResponse(responseCode = "200", description = "As saved")
	SlackAccount put(@RequestBody SlackAccountChange change, @Authenticated CurrentUser user) {
		this.people.sendNotifications(user, change.notifications());
		return get(user);
	}

	@DeleteMapping(PATH)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteMySlack", summary = "Unlink the caller's Slack users")
	void unlink(@Authenticated CurrentUser user) {
		this.people.unlink(user);
	}

}
