package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.Instant;

import dev.fixpoint.platform.Times;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SMTP client from {@code FIXPOINT_SMTP_*} (the settings page's server replaces it:
 * {@code MailServer}), and the workers that compose and send the outbox.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

	@Bean
	JavaMailSenderImpl fixpointMailSender(SmtpProperties smtp) {
		return MailServer.client(smtp.enabled() ? smtp.host() : "localhost", smtp.port(), smtp.username(),
				smtp.password(), smtp.tls());
	}

	/**
	 * Runs on every node: claims make sure each item and email is handled by one of them.
	 */
	@Component
	static class EmailWorkers {

		private final EmailComposer composer;

		private final EmailSender sender;

		private final MailServer smtp;

		private final EmailProperties properties;

		private final Clock clock;

		private final WeeklyReports weekly;

		EmailWorkers(EmailComposer composer, EmailSender sender, MailServer smtp, EmailProperties properties,
				Clock clock, WeeklyReports weekly) {
			this.weekly = weekly;
			this.composer = composer;
			this.sender = sender;
			this.smtp = smtp;
			this.properties = properties;
			this.clock = clock;
		}

		@Scheduled(fixedDelayString = "${fixpoint.email.poll-interval:10s}",
				initialDelayString = "${fixpoint.email.initial-delay:10s}")
		void work() {
			if (!this.smtp.enabled() || !this.properties.scheduled()) {
				return;
			}
			Instant now = Times.now(this.clock);
			this.composer.composeDue(now);
			while (this.weekly.composeBatch(now) == WeeklyReports.BATCH) {
				// the next batch of weekly analytics emails
			}
			this.sender.sendDue(now);
		}

	}

}
