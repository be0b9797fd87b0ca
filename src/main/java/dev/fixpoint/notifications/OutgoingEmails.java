package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails to people who are not members (a portal ticket's reporter, a status page's
 * subscribers), composed by the module that knows them and queued here into the same
 * email outbox as notifications: sent by {@code EmailSender} with its lease, retries,
 * fixed {@code Message-ID}, thread headers and one-click {@code List-Unsubscribe}. Only
 * when SMTP is configured; without it nothing is queued.
 */
@Service
public class OutgoingEmails {

	private final EmailRepository emails;

	private final EmailTemplates templates;

	private final MailServer smtp;

	private final Clock clock;

	OutgoingEmails(EmailRepository emails, EmailTemplates templates, MailServer smtp, Clock clock) {
		this.emails = emails;
		this.templates = templates;
		this.smtp = smtp;
		this.clock = clock;
	}

	/**
	 * An email to an address. {@code thread}: a stable key of the conversation (emails
	 * with the same key thread together), or null. {@code unsubscribeUrl}: the one-click
	 * unsubscribe address ({@code POST}, RFC 8058), or null.
	 */
	public record Message(String to, String subject, String text, String html, String thread, String unsubscribeUrl) {
	}

	/**
	 * Queues the email in the caller's transaction: it is sent after commit, or never if
	 * the transaction rolls back.
	 * @return whether it was queued (false: no SMTP configured)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean queue(Message message) {
		if (!this.smtp.enabled()) {
			return false;
		}
		UUID id = Ids.newId();
		Instant now = Times.now(this.clock);
		String thread = message.thread() == null ? null : this.templates.threadId(message.thread());
		this.emails.insert(new EmailRepository.EmailRow(id, null, message.to(),
				EmailTemplates.oneLine(message.subject()), message.text(), message.html(), this.templates.messageId(id),
				thread, message.unsubscribeUrl() == null ? null : "<" + message.unsubscribeUrl() + ">", now, 0));
		return true;
	}

}
