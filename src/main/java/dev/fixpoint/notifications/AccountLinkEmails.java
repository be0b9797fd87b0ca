package dev.fixpoint.notifications;

import java.time.Clock;

import dev.fixpoint.accounts.AccountEmailRequested;
import dev.fixpoint.accounts.Accounts;
import dev.fixpoint.platform.Times;
import dev.fixpoint.platform.outbox.OutboxConsumer;
import dev.fixpoint.platform.outbox.OutboxDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;

/**
 * The accounts module's emails (password reset, email change, invitations): the outbox
 * consumer {@code account-emails} puts each into the email outbox after the change
 * committed, sent by {@code EmailSender} like every other email. Without SMTP there is
 * nobody to send them: they are dropped with a warning.
 */
@Configuration(proxyBeanMethods = false)
class AccountLinkEmails {

	private static final Logger log = LoggerFactory.getLogger(AccountLinkEmails.class);

	@Bean
	OutboxConsumer accountEmailsConsumer(EmailRepository emails, EmailTemplates templates, MailServer smtp,
			Accounts accounts, Clock clock) {
		return OutboxConsumer.named("account-emails")
			.on(AccountEmailRequested.class, AccountEmailRequested::id,
					delivery -> write(delivery, emails, templates, smtp, accounts, clock))
			.build();
	}

	private static void write(OutboxDelivery<AccountEmailRequested> delivery, EmailRepository emails,
			EmailTemplates templates, MailServer smtp, Accounts accounts, Clock clock) {
		AccountEmailRequested email = delivery.event();
		if (email.userId() != null && accounts.isDeleted(email.userId())) {
			// the person deleted their account before the email left: nothing goes to
			// them
			return;
		}
		if (!smtp.enabled()) {
			log.warn("Email '{}' not sent: SMTP is not configured (FIXPOINT_SMTP_HOST)", email.subject());
			return;
		}
		String html = "<p>" + HtmlUtils.htmlEscape(email.text())
			.replaceAll("(https?://[^\\s<]+)", "<a href=\"$1\">$1</a>")
			.replace("\n\n", "</p><p>")
			.replace("\n", "<br>") + "</p>";
		emails.insert(new EmailRepository.EmailRow(delivery.eventId(), email.userId(), email.to(), email.subject(),
				email.text(), html, templates.messageId(delivery.eventId()), null, null, Times.now(clock), 0));
	}

}
