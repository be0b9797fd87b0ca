package dev.fixpoint.notifications;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.platform.Times;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Email end to end: events → email items in the change's transaction → composed emails →
 * real SMTP (GreenMail). The workers are driven by hand with explicit times (no waiting):
 * {@link #later(Duration)} is "the batch window has passed".
 */
class EmailDeliveryTest extends IntegrationTest {

	@Autowired
	EmailComposer composer;

	@Autowired
	EmailSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	private TestUser admin, dev, qa, viewer;

	private String key;

	@BeforeEach
	void project() {
		this.admin = this.api.newUser("Admin");
		this.dev = this.api.newUser("Dev");
		this.qa = this.api.newUser("Qa");
		this.viewer = this.api.newUser("Viewer");
		for (TestUser user : List.of(this.admin, this.dev, this.qa, this.viewer)) {
			prefs(user, Map.of());
		}
		this.key = this.api.newProject(this.admin).get("key").asString();
		this.api.addMember(this.admin, this.key, this.dev, "developer");
		this.api.addMember(this.admin, this.key, this.qa, "qa");
		this.api.addMember(this.admin, this.key, this.viewer, "viewer");
	}

	@Test
	void eachEventTypeReachesTheRightPeoplePerTheirPreferences() throws Exception {
		prefs(this.dev,
				Map.of("assigned", "instant", "status_change", "instant", "comment", "off", "mention", "instant"));
		prefs(this.qa, Map.of("assigned", "off", "status_change", "instant", "comment", "instant", "mention", "off"));
		String bug = bug(this.qa, "Checkout button does nothing");
		patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		comment(this.admin, bug, "Looks like a regression, @" + this.dev.username(), false);
		patch(this.dev, bug, Map.of("status", "in_progress"));

		deliverAt(Times.now(this.clock));
		assertThat(mailTo(this.dev)).as("nothing before the batch window passed").isEmpty();
		assertThat(mailTo(this.qa)).isEmpty();
		deliver();

		List<MimeMessage> toDev = mailTo(this.dev);
		assertThat(toDev).hasSize(1);
		String devMail = content(toDev.get(0));
		assertThat(toDev.get(0).getSubject()).isEqualTo("[" + bug + "] Checkout button does nothing");
		assertThat(devMail).contains("assigned " + bug + " to you", "mentioned you in a comment on " + bug)
			.doesNotContain("commented on") // comments off; and never their own status
											// change
			.doesNotContain("moved " + bug)
			.contains("http://localhost:8080/bugs/" + bug);

		List<MimeMessage> toQa = mailTo(this.qa);
		assertThat(toQa).hasSize(1);
		assertThat(content(toQa.get(0))).contains("commented on " + bug, "moved " + bug + " from Open to In Progress")
			.doesNotContain("assigned " + bug);
		assertThat(mailTo(this.admin)).as("the actor of everything hears nothing").isEmpty();
	}

	@Test
	void emailsThreadPerBugAndCanBeUnsubscribedInOneClick() throws Exception {
		prefs(this.dev, Map.of("assigned", "instant", "status_change", "instant"));
		String bug = bug(this.admin, "Images do not load");
		patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		deliver();
		patch(this.admin, bug, Map.of("status", "in_progress"));
		deliver();

		List<MimeMessage> mails = mailTo(this.dev);
		assertThat(mails).hasSize(2);
		String bugId = this.api.get("/api/bugs/" + bug, this.dev.token()).body().get("id").asString();
		for (MimeMessage mail : mails) {
			assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<bug-" + bugId + "@localhost>");
			assertThat(mail.getHeader("References", null)).isEqualTo("<bug-" + bugId + "@localhost>");
			assertThat(mail.getMessageID()).startsWith("<email-").endsWith("@localhost>");
			assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
			assertThat(mail.getContentType()).startsWith("multipart/");
		}
		assertThat(mails.get(0).getMessageID()).isNotEqualTo(mails.get(1).getMessageID());

		String unsubscribe = mails.get(1).getHeader("List-Unsubscribe", null);
		String path = unsubscribe.substring(unsubscribe.indexOf("/api/unsubscribe/"), unsubscribe.length() - 1);
		assertThat(this.api.post(path, null, Map.of()).status()).isEqualTo(204);
		assertThat(this.api.get("/api/me/notification-preferences", this.dev.token())
			.body()
			.get("email")
			.get("status_change")
			.asString()).isEqualTo("off");
		assertThat(this.api.post(path.substring(0, path.length() - 3) + "xyz", null, Map.of()).status()).isEqualTo(404);
	}

	@Test
	void internalNotesDescriptionsAndCommentTextNeverAppearInAnyEmail() throws Exception {
		for (TestUser u : List.of(this.admin, this.dev, this.qa, this.viewer)) {
			prefs(u, Map.of("assigned", "instant", "status_change", "instant", "comment", "instant", "mention",
					"instant"));
		}
		String bug = this.api
			.post("/api/projects/" + this.key + "/bugs", this.qa.token(),
					Map.of("title", "Crash on save", "severity", "critical", "description",
							"java.lang.NullPointerException at /home/deploy/app/Secret.java:42"))
			.body()
			.get("key")
			.asString();
		this.api.post("/api/bugs/" + bug + "/watchers", this.viewer.token(), Map.of());
		comment(this.dev, bug, "INTERNAL-ROOT-CAUSE: the db password is hunter2 @" + this.admin.username(), true);
		comment(this.dev, bug, "PUBLIC-COMMENT-TEXT", false);
		patch(this.dev, bug, Map.of("status", "in_progress"));
		deliver();

		List<MimeMessage> all = new ArrayList<>();
		for (TestUser u : List.of(this.admin, this.dev, this.qa, this.viewer)) {
			all.addAll(mailTo(u));
		}
		assertThat(all).isNotEmpty();
		for (MimeMessage mail : all) {
			assertThat(content(mail) + mail.getSubject()).doesNotContain("INTERNAL-ROOT-CAUSE", "hunter2",
					"internal note", "PUBLIC-COMMENT-TEXT", "NullPointerException", "/home/deploy", "Secret.java");
		}
		// viewers get status changes only (not the public comment)
		List<MimeMessage> toViewer = mailTo(this.viewer);
		assertThat(toViewer).hasSize(1);
		assertThat(content(toViewer.get(0))).contains("moved " + bug).doesNotContain("commented");
		// the mentioned admin got no email for the internal note (in-app only)
		assertThat(mailTo(this.admin)).allSatisfy(m -> assertThat(content(m)).doesNotContain("mentioned you"));
	}

	@Test
	void severalChangesToOneBugWithinTheWindowBecomeOneEmail() throws Exception {
		prefs(this.qa, Map.of("status_change", "instant", "comment", "instant"));
		String bug = bug(this.qa, "Typo on the home page");
		comment(this.dev, bug, "On it", false);
		patch(this.admin, bug, Map.of("status", "in_progress"));
		comment(this.admin, bug, "Fixed in main", false);
		patch(this.admin, bug, Map.of("status", "in_review"));
		deliver();

		List<MimeMessage> mails = mailTo(this.qa);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("[" + bug + "] Typo on the home page");
		assertThat(content(mails.get(0))).contains("4 updates on " + bug, "from Open to In Progress",
				"from In Progress to In Review", "Status: In Review");
	}

	@Test
	void aBulkChangeSendsEachRecipientOneSummary() throws Exception {
		prefs(this.dev, Map.of("assigned", "instant"));
		prefs(this.qa, Map.of("status_change", "instant"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			ids.add(bug(this.qa, "Bulk bug " + i));
		}
		var result = this.api.post("/api/projects/" + this.key + "/bugs/bulk", this.admin.token(),
				Map.of("ids", ids, "set", Map.of("assignee_id", this.dev.id().toString(), "status", "in_progress")));
		assertThat(result.status()).isEqualTo(200);
		deliver();

		List<MimeMessage> toDev = mailTo(this.dev);
		assertThat(toDev).hasSize(1);
		assertThat(toDev.get(0).getSubject()).isEqualTo("[Fixpoint] 50 bugs changed in one go");
		String body = content(toDev.get(0));
		assertThat(body).contains(ids.get(0) + ": Bulk bug 0", ids.get(49) + ": Bulk bug 49");
		List<MimeMessage> toQa = mailTo(this.qa);
		assertThat(toQa).hasSize(1);
		assertThat(content(toQa.get(0))).contains("from Open to In Progress");
	}

	@Test
	void digestsAggregateUntilTheChosenHourAndMutedBugsNeverEmail() throws Exception {
		prefs(this.qa, Map.of("status_change", "digest", "comment", "digest"));
		String first = bug(this.qa, "Digest one");
		String second = bug(this.qa, "Digest two");
		String muted = bug(this.qa, "Muted one");
		comment(this.dev, first, "A", false);
		patch(this.admin, second, Map.of("status", "in_progress"));
		comment(this.dev, muted, "B", false);
		this.api.put("/api/bugs/" + muted + "/mute", this.qa.token(), Map.of());
		comment(this.dev, muted, "C", false);

		deliver(); // instant batching passed: a digest still waits for its hour
		assertThat(mailTo(this.qa)).isEmpty();

		deliverAt(Times.now(this.clock).plus(Duration.ofHours(25)));
		List<MimeMessage> mails = mailTo(this.qa);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("[Fixpoint] Your digest: 2 updates on 2 bugs");
		assertThat(content(mails.get(0))).contains(first + ": Digest one", second + ": Digest two")
			.doesNotContain(muted);
		deliverAt(Times.now(this.clock).plus(Duration.ofHours(50)));
		assertThat(mailTo(this.qa)).as("nothing is sent twice").hasSize(1);
	}

	/**
	 * Two nodes compose the same digest at once: the first holds the items it found, the
	 * second finds only what came after them (an item of a minute ago, not due) and sends
	 * no second digest; the one digest that goes out has everything.
	 */
	@Test
	void aDigestAnotherNodeIsComposingIsNotSentTwice() throws Exception {
		prefs(this.qa, Map.of("comment", "digest"));
		String first = bug(this.qa, "Held one");
		String second = bug(this.qa, "Fresh one");
		comment(this.dev, first, "A", false);
		comment(this.dev, second, "B", false);
		Instant at = later(Duration.ofHours(25));
		// the second bug's item came a minute before this round: after the last digest
		// hour
		this.jdbc
			.sql("update email_items set created_at = :at where user_id = :user and bug_id = "
					+ "(select id from bugs where title = 'Fresh one' and reporter_id = :user)")
			.param("at", java.sql.Timestamp.from(at.minus(Duration.ofMinutes(1))))
			.param("user", this.qa.id())
			.update();
		java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
		Thread otherNode = Thread.ofPlatform().start(() -> this.transactions.executeWithoutResult(s -> {
			try {
				this.jdbc
					.sql("select id from email_items where user_id = :user and email_id is null "
							+ "and created_at < :before for update")
					.param("user", this.qa.id())
					.param("before", java.sql.Timestamp.from(at.minus(Duration.ofHours(1))))
					.query(UUID.class)
					.list();
			}
			finally {
				held.countDown();
			}
			try {
				done.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		held.await();
		this.composer.composeDue(at);
		assertThat(this.jdbc.sql("select count(*) from emails where to_address = :to")
			.param("to", this.qa.email())
			.query(Integer.class)
			.single()).as("no digest of the fresh item alone").isZero();
		done.countDown();
		otherNode.join();

		deliverAt(at);
		List<MimeMessage> mails = mailTo(this.qa);
		assertThat(mails).hasSize(1);
		assertThat(content(mails.get(0))).contains(first + ": Held one", second + ": Fresh one");
	}

	@Test
	void anSmtpOutageDelaysEmailsAndRecoveryDeliversEachExactlyOnce() throws Exception {
		prefs(this.dev, Map.of("assigned", "instant"));
		List<String> bugs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String bug = bug(this.admin, "Outage " + i);
			bugs.add(bug);
			patch(this.admin, bug, Map.of("assignee_id", this.dev.id().toString()));
		}
		Instant t = later(Duration.ofMinutes(3));
		this.composer.composeDue(t);
		TestMailServer.stop();
		try {
			this.sender.sendDue(t);
			assertThat(pendingFor(this.dev)).isEqualTo(3);
			assertThat(this.jdbc.sql("select min(attempts) from emails where to_address = :to")
				.param("to", this.dev.email())
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(this.sender.sendDue(t.plusSeconds(5))).as("backing off, not hammering").isZero();
			this.sender.sendDue(t.plusSeconds(31)); // second attempt, still down
			assertThat(this.jdbc.sql("select min(attempts) from emails where to_address = :to")
				.param("to", this.dev.email())
				.query(Integer.class)
				.single()).isEqualTo(2);
		}
		finally {
			TestMailServer.restart();
		}
		// two nodes try at once after recovery: each email goes out once
		Instant recovered = t.plus(Duration.ofMinutes(5));
		CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> this.sender.sendDue(recovered));
		CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> this.sender.sendDue(recovered));
		a.join();
		b.join();
		this.sender.sendDue(recovered.plus(Duration.ofHours(2)));
		assertThat(pendingFor(this.dev)).isZero();
		List<MimeMessage> mails = mailTo(this.dev);
		assertThat(mails).hasSize(3);
		assertThat(mails.stream().map(this::subject).toList()).containsExactlyInAnyOrder(
				"[" + bugs.get(0) + "] Outage 0", "[" + bugs.get(1) + "] Outage 1", "[" + bugs.get(2) + "] Outage 2");
	}

	@Test
	void aPersonOverTheHourlyLimitWaitsAndNothingIsLost() throws Exception {
		prefs(this.dev, Map.of("assigned", "instant"));
		for (int i = 0; i < 22; i++) {
			patch(this.admin, bug(this.admin, "Limit " + i), Map.of("assignee_id", this.dev.id().toString()));
		}
		deliver();
		assertThat(mailTo(this.dev)).hasSize(20);
		deliverAt(Times.now(this.clock).plus(Duration.ofMinutes(70)));
		assertThat(mailTo(this.dev)).hasSize(22);
	}

	private void deliver() {
		deliverAt(later(Duration.ofMinutes(3)));
	}

	private void deliverAt(Instant at) {
		this.composer.composeDue(at);
		this.sender.sendDue(at);
	}

	private Instant later(Duration d) {
		return Times.now(this.clock).plus(d);
	}

	private int pendingFor(TestUser user) {
		return this.jdbc.sql("select count(*) from emails where to_address = :to and sent_at is null")
			.param("to", user.email())
			.query(Integer.class)
			.single();
	}

	private List<MimeMessage> mailTo(TestUser user) throws MessagingException {
		List<MimeMessage> mine = new ArrayList<>();
		for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
			Address[] to = m.getAllRecipients();
			if (to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(user.email()))) {
				mine.add(m);
			}
		}
		return mine;
	}

	private String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every text part (plain and HTML), decoded. */
	static String content(Part part) throws MessagingException, IOException {
		Object c = part.getContent();
		if (c instanceof String s) {
			return s;
		}
		StringBuilder out = new StringBuilder();
		if (c instanceof Multipart mp) {
			for (int i = 0; i < mp.getCount(); i++) {
				BodyPart p = mp.getBodyPart(i);
				out.append(content(p)).append('\n');
			}
		}
		return out.toString();
	}

	private void prefs(TestUser user, Map<String, String> email) {
		assertThat(this.api
			.put("/api/me/notification-preferences", user.token(), Map.of("email", email, "digest_hour", DIGEST_HOUR))
			.status()).isEqualTo(200);
	}

	/**
	 * Everyone's digest hour, half a day from when the tests run: with the default (9:00
	 * UTC) a run just before nine sent the digests that the tests expect only a day
	 * later.
	 */
	private static final int DIGEST_HOUR = (java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour() + 12) % 24;

	private String bug(TestUser reporter, String title) {
		return this.api.newBug(reporter, this.key, title, "high").get("key").asString();
	}

	private void patch(TestUser user, String bug, Map<String, Object> body) {
		assertThat(this.api.patch("/api/bugs/" + bug, user.token(), body).status()).isEqualTo(200);
	}

	private void comment(TestUser user, String bug, String content, boolean internal) {
		assertThat(this.api
			.post("/api/bugs/" + bug + "/comments", user.token(), Map.of("content", content, "is_internal", internal))
			.status()).isEqualTo(201);
	}

}
