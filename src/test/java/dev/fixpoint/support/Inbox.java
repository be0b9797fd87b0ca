package dev.fixpoint.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads what the run's GreenMail ({@link TestMailServer}) received for one address: the
 * messages, their plain text and the links in it. It sends nothing: the test first runs
 * the workers of the emails it expects.
 */
public final class Inbox {

	private Inbox() {
	}

	/** The messages received so far for {@code address} (any case), oldest first. */
	public static List<MimeMessage> of(String address) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> Arrays.stream(recipients(m)).anyMatch(a -> a.toString().equalsIgnoreCase(address)))
			.toList();
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The message's plain text parts, one after the other (HTML parts left out). */
	public static String text(MimeMessage message) {
		try {
			StringBuilder all = new StringBuilder();
			collect(message, all);
			return all.toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The path and query of the first link in the message's text whose path starts with
	 * {@code pathPrefix}, to open on the test's own server.
	 */
	public static String link(MimeMessage message, String pathPrefix) {
		String text = text(message);
		Matcher found = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "\\S*)").matcher(text);
		if (!found.find()) {
			throw new AssertionError("no link to " + pathPrefix + " in: " + text);
		}
		return found.group(1);
	}

	private static void collect(Part part, StringBuilder all) throws IOException, MessagingException {
		if (part.isMimeType("multipart/*")) {
			Multipart parts = (Multipart) part.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				collect(parts.getBodyPart(i), all);
			}
		}
		else if (part.isMimeType("text/plain")) {
			all.append(part.getContent()).append('\n');
		}
	}

	private static Address[] recipients(MimeMessage message) {
		try {
			Address[] to = message.getAllRecipients();
			return to == null ? new Address[0] : to;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
