package dev.fixpoint.webhooks;

import java.util.Optional;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.projects.Membership;
import dev.fixpoint.projects.ProjectAccess;
import dev.fixpoint.webhooks.WebhookRepository.WebhookRow;

import org.springframework.stereotype.Component;

/**
 * Who may manage a webhook (its project's administrators: project admins and the
 * organization's admins) and as whom its deliveries see the project (its owner, with the
 * owner's role today).
 */
@Component
class Owners {

	private final ProjectAccess access;

	private final Accounts accounts;

	private final WebhookRepository webhooks;

	Owners(ProjectAccess access, Accounts accounts, WebhookRepository webhooks) {
		this.access = access;
		this.accounts = accounts;
		this.webhooks = webhooks;
	}

	/**
	 * The webhook and its project's administration by the caller: 404 for a webhook of a
	 * project the caller is no member of (nor organization admin), 403 for other members.
	 */
	Managed manage(UUID webhookId, CurrentUser user) {
		WebhookRow row = this.webhooks.find(webhookId).orElseThrow(() -> NotFoundException.of("Webhook"));
		return new Managed(row, this.access.administration(row.projectId().toString(), user));
	}

	record Managed(WebhookRow webhook, Membership admin) {
	}

	/**
	 * The owner in the webhook's project: their membership (with their role now), or as
	 * administrator when they are an admin of its organization; empty when they have no
	 * access any more. Never throws: runs in the outbox's delivery transaction.
	 */
	Optional<Membership> ownerOf(WebhookRow webhook) {
		return this.accounts.find(webhook.ownerId()).flatMap(owner -> {
			CurrentUser user = new CurrentUser(owner.id(), owner.email(), owner.username(), owner.name());
			if (this.access.roleOf(webhook.projectId(), owner.id()).isPresent()) {
				return Optional.of(this.access.membership(webhook.projectId(), user));
			}
			return this.access.findAdministration(webhook.projectId().toString(), user);
		});
	}

}
