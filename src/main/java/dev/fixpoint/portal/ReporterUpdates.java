package dev.fixpoint.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Batches what reporters hear (issue: "batching applies"): once the batch window after an
 * address's first pending update passed, all of that address's pending updates become one
 * email, queued into the email outbox: one ticket's status and replies in the ticket's
 * thread, several tickets in one digest. Runs on every node through {@link Batches}: each
 * address is composed in its own transaction with its updates locked
 * ({@code FOR UPDATE SKIP LOCKED}) and the window checked again after the lock, so no
 * update is sent twice or early.
 */
@Component
class ReporterUpdates implements Batches.Source<String> {

	private final UpdateRepository updates;

	private final PortalRepository reports;

	private final TicketNewsReader reader;

	private final PortalMails mails;

	private final Batches batches;

	private final PortalProperties properties;

	ReporterUpdates(UpdateRepository updates, PortalRepository reports, TicketNewsReader reader, PortalMails mails,
			Batches batches, PortalProperties properties) {
		this.updates = updates;
		this.reports = reports;
		this.reader = reader;
		this.mails = mails;
		this.batches = batches;
		this.properties = properties;
	}

	/**
	 * Composes every address whose window passed at {@code now}; returns the emails
	 * written.
	 */
	int composeDue(Instant now) {
		return this.batches.composeDue(this, now.minus(this.properties.batchWindow()), now);
	}

	@Override
	public List<String> due(Instant windowStart, int limit) {
		return this.updates.dueAddresses(windowStart, limit);
	}

	@Override
	public int compose(String address, Instant windowStart, Instant now) {
		List<UpdateRepository.Pending> pending = this.updates.lockPending(address);
		if (pending.isEmpty() || pending.get(0).createdAt().isAfter(windowStart)) {
			return 0; // another node took them, or its window has not passed after all
		}
		Map<UUID, List<UpdateRepository.Pending>> byReport = new LinkedHashMap<>();
		pending.forEach(p -> byReport.computeIfAbsent(p.reportId(), id -> new ArrayList<>()).add(p));
		List<PortalMails.TicketNews> news = new ArrayList<>();
		String to = null;
		for (Map.Entry<UUID, List<UpdateRepository.Pending>> ticket : byReport.entrySet()) {
			PortalRepository.ReportRow report = this.reports.findById(ticket.getKey()).orElse(null);
			if (report == null || !PortalNews.reachable(report)) {
				continue; // stopped, marked as spam or closed since: dropped
			}
			var read = this.reader.read(report, ticket.getValue(), this.mails);
			if (read.isPresent()) {
				news.add(read.get());
				to = report.email();
			}
		}
		this.updates.markSent(pending.stream().map(UpdateRepository.Pending::id).toList(), now);
		if (news.isEmpty()) {
			return 0;
		}
		this.mails.updates(to, news, this.reader.stopAllUrl(address, this.mails));
		return 1;
	}

}
