package dev.fixpoint.notifications;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.platform.Times;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly analytics email end to end: a project admin opts in, bugs are filed and
 * resolved during a week, on the next Monday the workers compose last week's numbers into
 * the outbox once, SMTP (GreenMail) receives them, and the one-click link stops them.
 */
class WeeklyReportEmailTest extends IntegrationTest {

	@Autowired
	WeeklyReports weekly;

	@Autowired
	EmailSender sender;

	@Test
	void adminsOptInAndGetLastWeeksNumbersOnceOnMonday() throws Exception {
		Instant now = this.clock.instant();
		LocalDate monday = now.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		this.clock.advance(Duration.between(now, monday.atTime(10, 0).toInstant(ZoneOffset.UTC)));
		TestUser ann = this.api.newUser("Ann");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.addMember(ann, key, dev, "developer");

		assertThat(this.api.put("/api/me/weekly-reports/" + key, dev.token(), Map.of()).status()).isEqualTo(403);
		assertThat(this.api.put("/api/me/weekly-reports/" + key, ann.token(), Map.of()).status()).isEqualTo(204);
		JsonNodeAssert.subscribed(this.api.get("/api/me/weekly-reports", ann.token()).body(), key, true);

		// the week: two bugs filed on Monday, one resolved on Wednesday
		this.api.newBug(ann, key, "Checkout crashes", "critical");
		String slow = this.api.newBug(ann, key, "Slow search", "high").get("key").asString();
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.api.patch("/api/bugs/" + slow, ann.token(), Map.of("status", "resolved", "resolution", "fixed"))
			.status()).isEqualTo(200);

		// during the week nothing is due
		this.weekly.composeBatch(Times.now(this.clock));
		this.sender.sendDue(Times.now(this.clock));
		assertThat(mailTo(ann)).isEmpty();

		// next Monday: last week's report, once
		Instant nextMonday = monday.plusWeeks(1).atTime(6, 0).toInstant(ZoneOffset.UTC);
		this.weekly.composeBatch(nextMonday);
		this.weekly.composeBatch(nextMonday.plus(Duration.ofHours(2)));
		this.sender.sendDue(nextMonday.plus(Duration.ofHours(2)));
		List<MimeMessage> mails = mailTo(ann);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getSubject())
			.isEqualTo("[" + key + "] Weekly analytics, " + monday + " to " + monday.plusDays(6));
		String content = EmailDeliveryTest.content(mail);
		assertThat(content).contains("Created: 2", "Resolved: 1 (reopened: 0", "Open now: 1 (critical 1, high 0",
				"Time to resolve: mean 48.0 h, median 48.0 h",
				"/p/" + key + "/analytics?from=" + monday + "&to=" + monday.plusDays(6));
		assertThat(mailTo(dev)).isEmpty();

		// one click stops it
		String unsubscribe = mail.getHeader("List-Unsubscribe", null);
		assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
		String path = unsubscribe.substring(unsubscribe.indexOf("/api/unsubscribe/"), unsubscribe.length() - 1);
		assertThat(this.api.post(path, null, Map.of()).status()).isEqualTo(204);
		JsonNodeAssert.subscribed(this.api.get("/api/me/weekly-reports", ann.token()).body(), key, false);
		this.weekly.composeBatch(nextMonday.plus(Duration.ofDays(7)));
		this.sender.sendDue(nextMonday.plus(Duration.ofDays(7)));
		assertThat(mailTo(ann)).hasSize(1);
	}

	@Test
	void nonMembersCannotOptIn() {
		TestUser ann = this.api.newUser("Ann");
		String key = this.api.newProject(ann).get("key").asString();
		Api.Response r = this.api.put("/api/me/weekly-reports/" + key, this.api.newUser("Eve").token(), Map.of());
		assertThat(r.status()).isEqualTo(404);
	}

	private static List<MimeMessage> mailTo(TestUser user) throws MessagingException {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
			Address[] to = m.getAllRecipients();
			if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(user.email()))) {
				mine.add(m);
			}
		}
		return mine;
	}

	private static final class JsonNodeAssert {

		static void subscribed(tools.jackson.databind.JsonNode list, String key, boolean expected) {
			assertThat(list.valueStream()
				.filter(w -> w.get("project").asString().equals(key))
				.findFirst()
				.orElseThrow()
				.get("subscribed")
				.asBoolean()).isEqualTo(expected);
		}

	}

}
