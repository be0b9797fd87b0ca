package dev.fixpoint.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server, bound from {@code fixpoint.smtp.*} ({@code FIXPOINT_SMTP_HOST}, ...).
 * Without a host Fixpoint sends no email (in-app notifications only).
 *
 * @param host SMTP server; empty = email off
 * @param port SMTP port (25, 587 with STARTTLS, 465 for SMTPS)
 * @param username login, if the server wants one
 * @param password password of {@code username}
 * @param tls {@code starttls} (upgrade a plain connection, required), {@code ssl} (SMTPS)
 * or {@code none}
 * @param from the sender, e.g. {@code Fixpoint <fixpoint@example.com>}
 */
@ConfigurationProperties("fixpoint.smtp")
record SmtpProperties(@DefaultValue("") String host, @DefaultValue("25") int port, @DefaultValue("") String username,
		@DefaultValue("") String password, @DefaultValue("none") String tls,
		@DefaultValue("Fixpoint <fixpoint@localhost>") String from) {

	boolean enabled() {
		return !this.host.isBlank();
	}

}
