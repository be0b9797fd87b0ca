package dev.fixpoint.portal;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.accounts.OrganizationMembership;
import dev.fixpoint.accounts.Organizations;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Cursor;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Page;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's admins list their status page's subscribers (newest first, keyset
 * paginated) and remove one: it hears nothing more, its pending digest rows go with it.
 */
@Service
public class StatusSubscribers {

	private final StatusRepository status;

	private final Organizations organizations;

	StatusSubscribers(StatusRepository status, Organizations organizations) {
		this.status = status;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public Page<StatusSubscriber> list(String orgRef, CurrentUser user, String cursor, Integer limit) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		int size = Page.limit(limit);
		Cursor.TimeAndId after = Cursor.timeAndId(cursor);
		List<StatusSubscriber> rows = this.status.listSubscribers(org.id(), after.time(), after.id(), size + 1)
			.stream()
			.map(r -> new StatusSubscriber(r.id(), r.email(), r.entryId(), r.entryTitle(), r.createdAt(),
					r.confirmedAt()))
			.toList();
		if (rows.size() <= size) {
			return new Page<>(rows, null);
		}
		StatusSubscriber last = rows.get(size - 1);
		return new Page<>(rows.subList(0, size), Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
	}

	@Transactional
	public void remove(String orgRef, CurrentUser user, UUID id) {
		OrganizationMembership org = this.organizations.administered(orgRef, user);
		if (this.status.deleteSubscriber(org.id(), id) == 0) {
			throw NotFoundException.of("Subscriber");
		}
	}

}
