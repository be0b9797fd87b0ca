package dev.fixpoint.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

import dev.fixpoint.platform.Times;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SMTP client from {@code FIXPOINT_SMTP_*}, and the workers that compose and send the
 * outbox.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

	@Bean
	JavaMailSenderImpl fixpointMailSender(SmtpProperties smtp) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(smtp.enabled() ? smtp.host() : "localhost");
		sender.setPort(smtp.port());
		if (!smtp.username().isBlank()) {
			sender.setUsername(smtp.username());
			sender.setPassword(smtp.password());
		}
		Properties props = sender.getJavaMailProperties();
		props.put("mail.smtp.auth", String.valueOf(!smtp.username().isBlank()));
		props.put("mail.smtp.connectiontimeout", "10000");
		props.put("mail.smtp.timeout", "20000");
		props.put("mail.smtp.writetimeout", "20000");
		switch (smtp.tls().toLowerCase(Locale.ROOT)) {
			case "starttls", "true" -> {
				props.put("mail.smtp.starttls.enable", "true");
				props.put("mail.smtp.starttls.required", "true");
			}
			case "ssl" -> props.put("mail.smtp.ssl.enable", "true");
			default -> {
				// plain SMTP (a relay on the same host or network)
			}
		}
		return sender;
	}

	/**
	 * Runs on every node: claims make sure each item and email is handled by one of them.
	 */
	@Component
	static class EmailWorkers {

		private final EmailComposer composer;

		private final EmailSender sender;

		private final SmtpProperties smtp;

		private final EmailProperties properties;

		private final Clock clock;

		private final WeeklyReports weekly;

		EmailWorkers(EmailComposer composer, EmailSender sender, SmtpProperties smtp, EmailProperties properties,
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
