package dev.fixpoint.portal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.attachments.Attachments;
import dev.fixpoint.bugs.BugRules;
import dev.fixpoint.bugs.NewBug;
import dev.fixpoint.bugs.Severity;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.NotFoundException;
import dev.fixpoint.portal.PortalProjects.OpenPortal;
import dev.fixpoint.projects.Membership;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public side of a portal: its form, reports, email confirmation. A report is checked
 * (honeypot, fields, challenge, rate limits) before anything is stored; it then waits for
 * its email to be confirmed (double opt-in, unless the admin turned it off), and only the
 * confirmation files the bug, as the portal's system actor, in the project's initial
 * status with the default component and severity. Files wait with the report and go
 * through the attachments pipeline (type sniffing, scanning, limits) once the bug exists,
 * outside any transaction.
 */
@Service
public class Portal {

	static final int MAX_FILES = 3;

	private final PortalProjects projects;

	private final PortalRepository reports;

	private final ReportChecks checks;

	private final PortalFiling filing;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Portal(PortalProjects projects, PortalRepository reports, ReportChecks checks, PortalFiling filing,
			PlatformTransactionManager transactions, Clock clock) {
		this.projects = projects;
		this.reports = reports;
		this.checks = checks;
		this.filing = filing;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The form of an open portal (404 otherwise), with a fresh challenge. */
	public PortalForm form(String projectKey) {
		OpenPortal portal = this.projects.open(projectKey);
		return new PortalForm(portal.project().key(), portal.project().name(), portal.settings().intro(),
				portal.settings(), this.checks.challenge(), this.projects.statusPagePath(portal.project()),
				this.projects.branding(portal.project()));
	}

	/** The client address's allowance of reports, for the {@code RateLimit-*} headers. */
	public dev.fixpoint.platform.RateLimit quota(String clientIp) {
		return this.checks.quota(clientIp);
	}

	/**
	 * Known open problems on the status page that resemble {@code title}: "Is it one of
	 * these?" while a customer types.
	 */
	public List<StatusEntry> similar(String projectKey, String title) {
		return this.projects.similar(this.projects.open(projectKey), title);
	}

	/** A fresh challenge for an open portal's reports (API clients). */
	public PortalChallenge challenge(String projectKey) {
		this.projects.open(projectKey);
		return this.checks.challenge();
	}

	/**
	 * Takes a report: 404 for a closed portal, 400 for a filled honeypot, bad fields or
	 * an unsolved challenge, 429 past the limits; then stores it and emails the ticket
	 * (and the confirmation link when required).
	 */
	public PortalReceipt report(String projectKey, PortalReport report, List<PortalFile> files, String clientIp) {
		OpenPortal portal = this.projects.open(projectKey);
		Draft draft = this.checks.accept(portal, report, files, clientIp);
		String email = report.email().strip();
		boolean confirm = portal.settings().confirmationRequired();
		PortalFiling.Stored stored = this.transaction
			.execute(status -> this.filing.store(portal, email, draft, confirm ? files : List.of(), clientIp));
		List<String> refused = confirm ? List.of() : upload(portal.projectId(), stored.bugId(), null, files);
		return new PortalReceipt(stored.ticket(), stored.trackingUrl(), confirm, refused);
	}

	/**
	 * Confirms a report's email with the token of the confirmation link: files its bug
	 * (once; a second use is 404) and hands its waiting files to the attachments
	 * pipeline.
	 * @return the ticket's tracking link
	 */
	public String confirm(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw NotFoundException.of("Confirmation");
		}
		PortalFiling.Confirmed confirmed = this.transaction.execute(status -> this.filing.confirm(token));
		List<PortalRepository.PendingFile> pending = this.reports.files(confirmed.reportId());
		upload(confirmed.projectId(), confirmed.bugId(), null,
				pending.stream()
					.map(f -> new PortalFile(f.filename(), f.content().length,
							() -> new java.io.ByteArrayInputStream(f.content())))
					.toList());
		this.transaction.executeWithoutResult(status -> this.reports.deleteFiles(confirmed.reportId()));
		return confirmed.trackingPath();
	}

	/**
	 * Stores each file as an attachment of the bug (optionally of the reporter's comment)
	 * through the pipeline, as the portal's actor.
	 * @return the refused files, each with the reason
	 */
	List<String> upload(UUID projectId, UUID bugId, UUID commentId, List<PortalFile> files) {
		List<String> refused = new ArrayList<>();
		if (files.isEmpty()) {
			return refused;
		}
		Membership actor = this.projects.actor(projectId);
		for (PortalFile file : files) {
			try (InputStream in = file.content().getInputStream()) {
				this.attachments().upload(actor, bugId, commentId, file.filename(), in, file.size());
			}
			catch (DomainException ex) {
				refused.add(file.filename() + ": " + ex.getMessage());
			}
			catch (IOException ex) {
				refused.add(file.filename() + ": could not be read");
			}
		}
		return refused;
	}

	private Attachments attachments() {
		return this.filing.attachments();
	}

	/** A report's fields as a new bug of the project, by the portal's rules. */
	static NewBug newBug(OpenPortal portal, Draft draft, String ticket) {
		PortalSettings s = portal.settings();
		return new NewBug(draft.title(),
				draft.description() + "\n\n_Reported through the portal, ticket " + ticket + "._",
				draft.stepsToReproduce(), draft.expectedBehavior(), draft.actualBehavior(), draft.environment(),
				Severity.parse(s.defaultSeverity()).orElse(Severity.MEDIUM), null, null, s.defaultComponent(),
				List.of("portal"), null);
	}

	/** Checks a draft by the bug rules before it waits (400 naming the field). */
	static void validate(OpenPortal portal, Draft draft) {
		BugRules.validateNew(newBug(portal, draft, "X-XXXXXX"));
	}

}
