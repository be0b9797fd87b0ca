package dev.fixpoint.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import dev.fixpoint.notifications.OutgoingMail;

import org.springframework.context.ApplicationContext;

/**
 * Reads the single-use links the accounts module emails (verification, invitations,
 * resets) from the run's GreenMail, after sending the outbox.
 */
public final class EmailedLinks {

	private static final Pattern TOKEN = Pattern.compile("token=(?:3D)?(fxp_[A-Za-z0-9_-]+)");

	private EmailedLinks() {
	}

	/** Sends everything due, batch after batch (50 each), so a backlog hides nothing. */
	private static void sendAll(ApplicationContext context, TestClock clock) {
		for (int i = 0; i < 100 && OutgoingMail.sendDue(context, clock.instant().plusSeconds(1)) == 50; i++) {
			// the next batch
		}
	}

	/**
	 * The token of the last email to {@code address} whose subject contains
	 * {@code subject}.
	 */
	public static String token(ApplicationContext context, TestClock clock, String address, String subject) {
		sendAll(context, clock);
		List<MimeMessage> mine = Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> recipients(m).contains(address) && subject(m).contains(subject))
			.toList();
		if (mine.isEmpty()) {
			throw new AssertionError("no email '" + subject + "' to " + address);
		}
		Matcher m = TOKEN.matcher(GreenMailUtil.getBody(mine.get(mine.size() - 1)).replace("=\r\n", ""));
		if (!m.find()) {
			throw new AssertionError("no link in the email '" + subject + "' to " + address);
		}
		return m.group(1);
	}

	/** How many emails whose subject contains {@code subject} went to {@code address}. */
	public static long count(ApplicationContext context, TestClock clock, String address, String subject) {
		sendAll(context, clock);
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> recipients(m).contains(address) && subject(m).contains(subject))
			.count();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return GreenMailUtil.getAddressList(message.getAllRecipients());
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
