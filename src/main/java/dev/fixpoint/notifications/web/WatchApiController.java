package dev.fixpoint.notifications.web;

import dev.fixpoint.notifications.Subscription;
import dev.fixpoint.notifications.Watching;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ApiController;
import dev.fixpoint.platform.web.Authenticated;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;

@ApiController
@Tag(name = "Notifications")
class WatchApiController {

	private final Watching watching;

	WatchApiController(Watching watching) {
		this.watching = watching;
	}

	@GetMapping("/api/bugs/{bug}/subscription")
	@Operation(operationId = "getBugSubscription", summary = "Whether the caller watches or muted a bug, and why")
	Subscription subscription(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.watching.of(bug, user);
	}

	@PostMapping("/api/bugs/{bug}/watchers")
	@Operation(operationId = "watchBug", summary = "Watch a bug: notifications about its status changes and comments")
	Subscription watch(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.watching.watch(bug, user);
	}

	@DeleteMapping("/api/bugs/{bug}/watchers")
	@Operation(operationId = "unwatchBug",
			summary = "Stop watching a bug (its reporter and assignee still hear about it unless they mute it)")
	Subscription unwatch(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.watching.unwatch(bug, user);
	}

	@PutMapping("/api/bugs/{bug}/mute")
	@Operation(operationId = "muteBug", summary = "Mute a bug: no notifications and no email about it")
	Subscription mute(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.watching.mute(bug, user);
	}

	@DeleteMapping("/api/bugs/{bug}/mute")
	@Operation(operationId = "unmuteBug", summary = "Unmute a bug (back to watching it)")
	Subscription unmute(@PathVariable String bug, @Authenticated CurrentUser user) {
		return this.watching.unmute(bug, user);
	}

}
