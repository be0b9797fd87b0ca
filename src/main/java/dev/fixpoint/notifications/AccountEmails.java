package dev.fixpoint.notifications;

import java.time.Clock;
import java.util.UUID;

import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.platform.Ids;
import dev.fixpoint.platform.Times;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails about a person's own setup rather than a bug (a webhook disabled after failing
 * for a day), written to the same email outbox as the bug emails and sent by the same
 * sender (only with SMTP configured), in the caller's transaction. Not subject to bug
 * preferences: they are about something the person configured.
 */
@Service
public class AccountEmails {

	private final EmailRepository emails;

	private final EmailTemplates templates;

	private final Accounts accounts;

	private final Clock clock;

	AccountEmails(EmailRepository emails, EmailTemplates templates, Accounts accounts, Clock clock) {
		this.emails = emails;
		this.templates = templates;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** A plain-text email to the user; nothing when the user is gone. */
	@Transactional
	public void send(UUID userId, String subject, String text) {
		this.accounts.find(userId).filter(user -> !this.accounts.isDeleted(user.id())).ifPresent(user -> {
			UUID id = Ids.newId();
			String html = "<pre style=\"font-family:inherit;white-space:pre-wrap\">" + HtmlUtils.htmlEscape(text)
					+ "</pre>";
			this.emails.insert(new EmailRepository.EmailRow(id, userId, user.email(), subject, text, html,
					this.templates.messageId(id), null, null, Times.now(this.clock), 0));
		});
	}

}
