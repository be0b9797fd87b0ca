package dev.fixpoint.notifications;

import java.net.URI;
import java.util.Map;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.accounts.SiteAdmin;
import dev.fixpoint.audit.AuditEvent;
import dev.fixpoint.audit.AuditLog;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.Problems;
import dev.fixpoint.platform.RefusedException;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The settings page's "send test email": sends one email to the site admin at once, over
 * the SMTP server as it is set now, and says what the server answered. Outside any
 * database transaction (it waits for the server).
 */
@Service
public class TestEmails {

	private final SiteAdmin admins;

	private final MailServer server;

	private final AuditLog audit;

	TestEmails(SiteAdmin admins, MailServer server, AuditLog audit) {
		this.admins = admins;
		this.server = server;
		this.audit = audit;
	}

	/**
	 * Sends the test email to the admin's address.
	 * @return the address it went to
	 * @throws TestEmailFailedException when no server is set or it refused (422)
	 */
	public String send(CurrentUser admin) {
		this.admins.require(admin);
		MailServer.Snapshot smtp = this.server.fresh();
		if (!smtp.enabled()) {
			throw new TestEmailFailedException("No SMTP server is set: enter one and save it first.");
		}
		try {
			MimeMessage message = smtp.sender().createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
			helper.setFrom(smtp.from());
			helper.setTo(admin.email());
			helper.setSubject("Fixpoint test email");
			helper.setText("This is a test email from Fixpoint. The SMTP settings work.");
			smtp.sender().send(message);
		}
		catch (MailException | MessagingException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null) {
				cause = cause.getCause();
			}
			String reason = cause.getClass().getSimpleName();
			this.audit
				.record(AuditEvent.of("admin.test_email_failed", admin.id()).change(null, Map.of("error", reason)));
			throw new TestEmailFailedException("The SMTP server did not take the test email (" + reason
					+ "): check the host, port, TLS and login.");
		}
		this.audit.record(AuditEvent.of("admin.test_email_sent", admin.id()).change(null, Map.of("to", admin.email())));
		return admin.email();
	}

	/** The test email could not be sent (no server, or the server refused it). */
	public static class TestEmailFailedException extends RefusedException {

		public static final URI TYPE = URI.create(Problems.BASE + "test-email-failed");

		TestEmailFailedException(String detail) {
			super(new Kind(TYPE, "Test email not sent"), detail, Map.of());
		}

	}

}
