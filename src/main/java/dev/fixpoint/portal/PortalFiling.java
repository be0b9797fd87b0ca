package dev.fixpoint.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.bugs.Bug;
import dev.fixpoint.bugs.BugManagement;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.InvalidInputException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.platform.Times;
import dev.fixpoint.portal.PortalProjects.OpenPortal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored side of a report, inside the caller's transaction: the ticket (random, drawn
 * again on a collision), the report row with the hashes of its tokens, the waiting files
 * or the bug, and the first email.
 */
@Component
class PortalFiling {

	record Stored(String ticket, String trackingUrl, UUID bugId) {
	}

	record Confirmed(UUID reportId, UUID projectId, UUID bugId, String trackingPath) {
	}

	private final PortalRepository reports;

	private final PortalProjects projects;

	private final PortalKeys keys;

	private final PortalMails mails;

	private final BugManagement bugs;

	private final Attachments attachments;

	private final JsonMapper json;

	private final Clock clock;

	PortalFiling(PortalRepository reports, PortalProjects projects, PortalKeys keys, PortalMails mails,
			BugManagement bugs, Attachments attachments, JsonMapper json, Clock clock) {
		this.reports = reports;
		this.projects = projects;
		this.keys = keys;
		this.mails = mails;
		this.bugs = bugs;
		this.attachments = attachments;
		this.json = json;
		this.clock = clock;
	}

	Attachments attachments() {
		return this.attachments;
	}

	static String trackingPath(String ticket, String token) {
		return "/portal/tickets/" + ticket + "?token=" + token;
	}

	String trackingPath(PortalRepository.ReportRow report) {
		return trackingPath(report.ticket(), this.keys.trackingToken(report.ticket(), report.trackingSalt()));
	}

	/**
	 * The link that stops the emails of all of an address's tickets: the address and its
	 * signature ({@link PortalKeys#reporterToken}).
	 */
	String stopAllPath(String address) {
		return "/portal/emails/unsubscribe?token=" + this.keys.reporterToken(address);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Stored store(OpenPortal portal, String email, Draft draft, List<PortalFile> files, String clientIp) {
		Instant now = Times.now(this.clock);
		UUID id = Ids.newId();
		String salt = Tokens.secret();
		boolean confirm = portal.settings().confirmationRequired();
		String confirmToken = confirm ? Tokens.secret() : null;
		String ticket;
		String tracking;
		do {
			ticket = Tokens.ticket(portal.project().key());
			tracking = this.keys.trackingToken(ticket, salt);
		}
		while (!this.reports.insertReport(id, ticket, portal.projectId(), email,
				confirm ? this.json.writeValueAsString(draft) : null, salt, Tokens.hash(tracking),
				confirm ? Tokens.hash(confirmToken) : null, clientIp, now));
		String trackingUrl = this.mails.url(trackingPath(ticket, tracking));
		UUID bugId = null;
		if (confirm) {
			for (PortalFile file : files) {
				this.reports.insertFile(Ids.newId(), id, file.filename() == null ? "file" : file.filename(),
						bytes(file), now);
			}
		}
		else {
			bugId = file(portal, draft, ticket).id();
			this.reports.markConfirmed(id, bugId, now);
		}
		this.mails.received(email, ticket, draft.title(), trackingUrl,
				confirm ? trackingUrl + "&confirm=" + confirmToken : null, this.projects.branding(portal.project()));
		return new Stored(ticket, trackingUrl, bugId);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Confirmed confirm(String token) {
		PortalRepository.ReportRow report = this.reports.lockByConfirmHash(Tokens.hash(token))
			.filter(r -> !r.spam())
			.orElseThrow(() -> NotFoundException.of("Confirmation"));
		OpenPortal portal = new OpenPortal(this.projects.actor(report.projectId()).project(),
				this.projects.settings(report.projectId()));
		Draft draft = this.json.readValue(report.draft(), Draft.class);
		Bug bug = file(portal, draft, report.ticket());
		this.reports.markConfirmed(report.id(), bug.id(), Times.now(this.clock));
		return new Confirmed(report.id(), report.projectId(), bug.id(), trackingPath(report));
	}

	private Bug file(OpenPortal portal, Draft draft, String ticket) {
		return this.bugs.report(this.projects.actor(portal.projectId()), Portal.newBug(portal, draft, ticket));
	}

	private static byte[] bytes(PortalFile file) {
		try (InputStream in = file.content().getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw InvalidInputException.of("files", "could not be read");
		}
	}

}
