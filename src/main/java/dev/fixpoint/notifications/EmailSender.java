package dev.fixpoint.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.platform.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: claims due emails (a lease, so several nodes never send the same one
 * at the same time), sends each over SMTP and marks it sent. When SMTP fails the email
 * waits with exponential backoff (30 s, 1 min, 2 min ... at most 1 h) and is tried again,
 * for as long as it takes: nothing is dropped. An email is sent twice only if the node
 * dies between the server's acceptance and the mark; it then carries the same Message-ID,
 * which mail clients use to drop the duplicate.
 */
@Component
class EmailSender {

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final EmailRepository emails;

	private final MailServer smtp;

	private final Clock clock;

	EmailSender(EmailRepository emails, MailServer smtp, Clock clock) {
		this.emails = emails;
		this.smtp = smtp;
		this.clock = clock;
	}

	/** Sends what is due at {@code now}; returns how many went out. */
	int sendDue(Instant now) {
		int sent = 0;
		List<EmailRepository.EmailRow> claimed = this.emails.claimDue(now, now.plus(LEASE), 50);
		MailServer.Snapshot server = claimed.isEmpty() ? null : this.smtp.current();
		for (EmailRepository.EmailRow email : claimed) {
			try {
				server.sender().send(message(email, server));
				this.emails.markSent(email.id(), Times.now(this.clock));
				sent++;
			}
			catch (MailException | MessagingException ex) {
				Instant next = now.plus(backoff(email.attempts()));
				this.emails.markFailed(email.id(), next, ex.getClass().getSimpleName());
				log.warn("Email {} not sent (attempt {}, {}); next try at {}", email.id(), email.attempts(),
						ex.getClass().getSimpleName(), next);
			}
		}
		return sent;
	}

	/** 30 s after the first failed attempt, doubling up to an hour. */
	static Duration backoff(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 20));
		Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
		return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
	}

	private MimeMessage message(EmailRepository.EmailRow email, MailServer.Snapshot server) throws MessagingException {
		MimeMessage message = new FixedIdMessage(server.sender().getSession(), email.messageId());
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(server.from());
		helper.setTo(email.toAddress());
		helper.setSubject(email.subject());
		helper.setText(email.textBody(), email.htmlBody());
		if (email.threadId() != null) {
			message.setHeader("In-Reply-To", email.threadId());
			message.setHeader("References", email.threadId());
		}
		if (email.listUnsubscribe() != null) {
			message.setHeader("List-Unsubscribe", email.listUnsubscribe());
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		message.setHeader("Auto-Submitted", "auto-generated");
		return message;
	}

	/**
	 * Keeps the Message-ID chosen when the email was composed (JavaMail would make a new
	 * one on every try).
	 */
	static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
