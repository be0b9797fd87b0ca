package dev.fixpoint.portal;

import java.util.List;
import java.util.UUID;

import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugQueries;
import dev.fixpoint.bugs.BugRef;
import dev.fixpoint.comments.Comment;
import dev.fixpoint.comments.Comments;
import dev.fixpoint.comments.NewComment;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.Markdown;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.RefusedException;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A ticket's tracking page: read with the ticket's token (a wrong or missing token, a
 * spam report and an unknown ticket are the same 404), add information and files, stop
 * the emails.
 */
@Service
public class Tickets {

	static final int MESSAGE_MAX = 10_000;

	private final PortalRepository reports;

	private final PortalProjects projects;

	private final BugQueries bugs;

	private final Comments comments;

	private final Portal portal;

	private final PortalThrottle throttle;

	private final PortalKeys keys;

	private final TransactionTemplate transaction;

	Tickets(PortalRepository reports, PortalProjects projects, BugQueries bugs, Comments comments, Portal portal,
			PortalThrottle throttle, PortalKeys keys, PlatformTransactionManager transactions) {
		this.reports = reports;
		this.projects = projects;
		this.bugs = bugs;
		this.comments = comments;
		this.portal = portal;
		this.throttle = throttle;
		this.keys = keys;
		this.transaction = new TransactionTemplate(transactions);
	}

	public TicketView track(String ticket, String token) {
		PortalRepository.ReportRow report = locate(ticket, token);
		Membership actor = this.projects.actor(report.projectId());
		if (!report.confirmed()) {
			return new TicketView(report.ticket(), actor.project().name(), titleOf(report.draft()),
					PublicStatus.UNCONFIRMED.key(), PublicStatus.UNCONFIRMED.words(), false, !report.unsubscribed(),
					report.createdAt(), List.of(), this.projects.branding(actor.project()));
		}
		if (report.bugId() == null) {
			return new TicketView(report.ticket(), actor.project().name(), "", PublicStatus.CLOSED.key(),
					PublicStatus.CLOSED.words(), true, !report.unsubscribed(), report.createdAt(), List.of(),
					this.projects.branding(actor.project()));
		}
		Bug bug = this.bugs.find(report.bugId(), actor).orElseThrow(() -> NotFoundException.of("Bug"));
		PublicStatus status = PublicStatus.of(actor.project().workflow().categoryOf(bug.status()), bug.resolution());
		List<TicketView.Update> updates = this.comments
			.visibleToReporter(new BugRef(bug.id(), bug.projectId(), bug.key()), actor)
			.stream()
			.map(Tickets::update)
			.toList();
		return new TicketView(report.ticket(), actor.project().name(), bug.title(), status.key(), status.words(), true,
				!report.unsubscribed(), report.createdAt(), updates, this.projects.branding(actor.project()));
	}

	/**
	 * Adds the reporter's message (a comment by the portal, visible to the reporter) and
	 * its files. Only once the report is confirmed; limited per client address.
	 */
	public void addInformation(String ticket, String token, String message, List<PortalFile> files, String clientIp) {
		PortalRepository.ReportRow report = locate(ticket, token);
		if (!report.confirmed() || report.bugId() == null) {
			throw new TicketClosedException(report.confirmed());
		}
		String text = message == null ? "" : message.strip();
		if (text.isEmpty() && files.isEmpty()) {
			throw InvalidInputException.of("message", "is required");
		}
		if (text.length() > MESSAGE_MAX) {
			throw InvalidInputException.of("message", "must be at most 10,000 characters");
		}
		if (files.size() > Portal.MAX_FILES) {
			throw InvalidInputException.of("files", "at most " + Portal.MAX_FILES + " files");
		}
		this.throttle.take(clientIp, null);
		Membership actor = this.projects.actor(report.projectId());
		Bug bug = this.bugs.find(report.bugId(), actor).orElseThrow(() -> NotFoundException.of("Bug"));
		String content = text.isEmpty() ? "(files added)" : text;
		Comment comment = this.transaction.execute(status -> this.comments
			.add(new BugRef(bug.id(), bug.projectId(), bug.key()), actor, new NewComment(content, false, null, true)));
		this.portal.upload(report.projectId(), bug.id(), comment.id(), files);
	}

	/** Stops the ticket's emails (the one-click link of every email). */
	public void unsubscribe(String ticket, String token) {
		PortalRepository.ReportRow report = locate(ticket, token);
		this.transaction.executeWithoutResult(status -> this.reports.unsubscribe(report.id()));
	}

	/**
	 * Stops the emails of every ticket of the address a digest's link was signed for
	 * (one-click unsubscribe of a digest); 404 for a link that is not ours.
	 * @return the address
	 */
	public String unsubscribeAll(String token) {
		String address = this.keys.reporterOf(token).orElseThrow(() -> NotFoundException.of("Subscription"));
		this.transaction.executeWithoutResult(status -> this.reports.unsubscribeAll(address));
		return address;
	}

	/** Whether a digest's stop link is ours (its page asks before stopping). */
	public boolean knowsReporterToken(String token) {
		return this.keys.reporterOf(token).isPresent();
	}

	private PortalRepository.ReportRow locate(String ticket, String token) {
		if (!Tokens.looksLikeTicket(ticket)) {
			throw NotFoundException.of("Ticket");
		}
		return this.reports.findByTicket(ticket)
			.filter(r -> Tokens.matches(token, r.trackingHash()))
			.filter(r -> !r.spam())
			.orElseThrow(() -> NotFoundException.of("Ticket"));
	}

	private static String titleOf(String draftJson) {
		return draftJson == null ? ""
				: tools.jackson.databind.json.JsonMapper.shared().readTree(draftJson).path("title").asString("");
	}

	private static TicketView.Update update(Comment c) {
		UUID portalActor = PortalActor.user().id();
		boolean fromYou = c.author() != null && portalActor.equals(c.author().id());
		String author = fromYou ? "You" : c.author() == null ? "The team" : c.author().name();
		// rendered again without the team's links (bug keys, @mentions): plain, sanitized
		// markdown
		return new TicketView.Update(author, fromYou, c.content(), Markdown.render(c.content()).html(), c.createdAt());
	}

	/**
	 * A message on a ticket that is not open for them (waiting for confirmation, closed).
	 */
	static final class TicketClosedException extends RefusedException {

		TicketClosedException(boolean confirmed) {
			super(new Kind(java.net.URI.create(dev.fixpoint.platform.Problems.BASE + "ticket-not-open"),
					"Ticket not open"),
					confirmed ? "This ticket is closed." : "Confirm your email first (see the email we sent).",
					java.util.Map.of());
		}

	}

}
