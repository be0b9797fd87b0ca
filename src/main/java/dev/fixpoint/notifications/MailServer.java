package dev.fixpoint.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import dev.fixpoint.accounts.InstanceSettings;
import dev.fixpoint.accounts.InstanceSettingsChanged;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The SMTP server email goes through: the one a site admin set on the settings page when
 * it has a host, else {@code FIXPOINT_SMTP_*}; without either, no email. Read again 15 s
 * after the last read (so other nodes follow a change within that), and at once on this
 * node when the settings change.
 */
@Component
class MailServer {

	private static final long FRESH_NANOS = 15_000_000_000L;

	private final SmtpProperties environment;

	private final JavaMailSenderImpl environmentSender;

	private final InstanceSettings settings;

	private volatile Snapshot last;

	/** What sends: enabled or not, the sender address, the client. */
	record Snapshot(long readAt, boolean enabled, String from, JavaMailSenderImpl sender) {
	}

	MailServer(SmtpProperties environment, JavaMailSenderImpl environmentSender, InstanceSettings settings) {
		this.environment = environment;
		this.environmentSender = environmentSender;
		this.settings = settings;
	}

	boolean enabled() {
		return current().enabled();
	}

	Snapshot current() {
		Snapshot snapshot = this.last;
		if (snapshot == null || System.nanoTime() - snapshot.readAt() > FRESH_NANOS) {
			snapshot = read();
			this.last = snapshot;
		}
		return snapshot;
	}

	/** The settings as they are now (the test email: never a stale copy). */
	Snapshot fresh() {
		this.last = null;
		return current();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(InstanceSettingsChanged changed) {
		this.last = null;
	}

	private Snapshot read() {
		Optional<InstanceSettings.SmtpServer> configured = this.settings.smtp();
		if (configured.isPresent()) {
			InstanceSettings.SmtpServer smtp = configured.get();
			return new Snapshot(System.nanoTime(), true, smtp.from(),
					client(smtp.host(), smtp.port(), smtp.username(), smtp.password(), smtp.tls()));
		}
		return new Snapshot(System.nanoTime(), this.environment.enabled(), this.environment.from(),
				this.environmentSender);
	}

	static JavaMailSenderImpl client(String host, int port, String username, String password, String tls) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);
		if (username != null && !username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(password);
		}
		Properties props = sender.getJavaMailProperties();
		props.put("mail.smtp.auth", String.valueOf(username != null && !username.isBlank()));
		props.put("mail.smtp.connectiontimeout", "10000");
		props.put("mail.smtp.timeout", "20000");
		props.put("mail.smtp.writetimeout", "20000");
		switch (tls == null ? "none" : tls.toLowerCase(Locale.ROOT)) {
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

}
