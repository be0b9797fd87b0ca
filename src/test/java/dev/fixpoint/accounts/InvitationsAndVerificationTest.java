package dev.fixpoint.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.EmailedLinks;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up email verification (GreenMail), the sign-up rules of the instance settings, and
 * invitations to an organization by email: expiring, single use, with a role, for people
 * with and without an account.
 */
class InvitationsAndVerificationTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmailLinks links;

	@BeforeEach
	void verificationLinksAtSignup() {
		this.links.verificationOnSignup(true);
	}

	@AfterEach
	void openSignupAgain() {
		this.links.verificationOnSignup(false);
		this.jdbc.sql("delete from instance_settings").update();
	}

	@Test
	void aNewAccountVerifiesItsAddressByTheEmailedLink() {
		TestUser ann = this.api.newUser("Ann");
		assertThat(verified(ann)).isFalse();
		String token = EmailedLinks.token(this.context, this.clock, ann.email(), "Verify your email address");
		assertThat(this.api.post("/api/auth/verify-email", null, Map.of("token", token)).status()).isEqualTo(204);
		assertThat(verified(ann)).isTrue();
		assertThat(this.api.post("/api/auth/verify-email", null, Map.of("token", token)).status()).as("single use")
			.isEqualTo(400);
		assertThat(this.api.get("/api/me", ann.token()).raw()).contains("\"email_verified\":true");
		assertThat(actions(ann)).contains("account.signed_up", "account.email_verified");

		this.api.post("/api/me/email/verification", ann.token(), Map.of());
		assertThat(EmailedLinks.count(this.context, this.clock, ann.email(), "Verify your email address"))
			.as("nothing more once verified")
			.isEqualTo(1);
	}

	@Test
	void theVerificationPageAsksForAClickAndTheLinkExpiresAfterAWeek() {
		TestUser ann = this.api.newUser("Ann");
		String token = EmailedLinks.token(this.context, this.clock, ann.email(), "Verify your email address");
		BrowserSession anonymous = BrowserSession.anonymous(baseUrl(), this.api);
		BrowserSession.Page page = anonymous.get("/account/verify?token=" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(verified(ann)).as("a mail scanner's GET verifies nothing").isFalse();
		this.clock.advance(Duration.ofDays(8));
		assertThat(anonymous.post("/account/verify", Map.of("token", token)).status()).isEqualTo(422);
		assertThat(verified(ann)).isFalse();
		this.clock.reset();
		assertThat(anonymous.post("/account/verify", Map.of("token", token)).body()).contains("is verified");
		assertThat(verified(ann)).isTrue();
	}

	@Test
	void anInstanceCanRequireVerifiedAddressesBeforeJoiningProjects() {
		TestUser admin = siteAdmin();
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		String key = this.api.newProject(ann).get("key").asString();
		this.api.patch("/api/admin/settings", admin.token(), Map.of("require_verified_email", true));
		Api.Response refused = this.api.post("/api/projects/" + key + "/members", ann.token(),
				Map.of("username", bob.username(), "role", "developer"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.raw()).contains("not verified their email address");
		this.api.post("/api/auth/verify-email", null,
				Map.of("token", EmailedLinks.token(this.context, this.clock, bob.email(), "Verify your email")));
		assertThat(this.api
			.post("/api/projects/" + key + "/members", ann.token(),
					Map.of("username", bob.username(), "role", "developer"))
			.status()).isEqualTo(201);
	}

	@Test
	void signupFollowsTheInstanceRules() {
		TestUser admin = siteAdmin();
		this.api.patch("/api/admin/settings", admin.token(), Map.of("allowed_email_domains", List.of("example.org")));
		Api.Response domain = signup("someone-" + System.nanoTime() + "@example.com");
		assertThat(domain.status()).isEqualTo(400);
		assertThat(domain.raw()).contains("example.org");
		assertThat(signup("someone-" + System.nanoTime() + "@dev.example.org").status()).as("a subdomain")
			.isEqualTo(201);

		this.api.patch("/api/admin/settings", admin.token(), Map.of("signup_mode", "invite_only"));
		Api.Response inviteOnly = signup("someone-" + System.nanoTime() + "@example.org");
		assertThat(inviteOnly.status()).isEqualTo(403);
		assertThat(inviteOnly.raw()).contains("invitation only");
		BrowserSession anonymous = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(anonymous.get("/signup").body()).contains("invitation only");

		this.api.patch("/api/admin/settings", admin.token(), Map.of("signup_mode", "closed"));
		assertThat(signup("someone-" + System.nanoTime() + "@example.org").status()).isEqualTo(403);
	}

	@Test
	void anInvitationMakesANewAccountAMemberWithItsRoleOnce() {
		TestUser admin = siteAdmin();
		TestUser ann = this.api.newUser("Ann");
		String org = org(ann);
		this.api.patch("/api/admin/settings", admin.token(), Map.of("signup_mode", "invite_only"));
		String email = "invitee-" + System.nanoTime() + "@example.com";

		Api.Response sent = this.api.post("/api/orgs/" + org + "/invitations", ann.token(),
				Map.of("email", email, "role", "admin"));
		assertThat(sent.status()).isEqualTo(201);
		assertThat(sent.body().get("role").asString()).isEqualTo("admin");
		assertThat(this.api.get("/api/orgs/" + org + "/invitations", ann.token()).body().get("items")).hasSize(1);
		String token = EmailedLinks.token(this.context, this.clock, email, "invited you to");

		BrowserSession invitee = BrowserSession.anonymous(baseUrl(), this.api);
		assertThat(invitee.get("/invitations/accept?token=" + token).body()).contains(email).contains("an admin");
		BrowserSession.Page joined = invitee.post("/invitations/accept/signup", Map.of("token", token, "name",
				"Ivy Invitee", "username", "ivy-" + System.nanoTime() % 100000, "password", Api.PASSWORD));
		assertThat(joined.status()).as(joined.body()).isEqualTo(302);
		assertThat(invitee.get("/orgs/" + org + "/members").body()).contains("Ivy Invitee").contains("invite-form");

		String me = this.api.post("/api/auth/login", null, Map.of("email", email, "password", Api.PASSWORD))
			.body()
			.get("token")
			.asString();
		assertThat(this.api.get("/api/me", me).raw()).contains("\"email_verified\":true");
		assertThat(this.api.get("/api/orgs/" + org + "/members", ann.token()).raw()).contains(email);
		assertThat(BrowserSession.anonymous(baseUrl(), this.api).get("/invitations/accept?token=" + token).status())
			.as("single use")
			.isEqualTo(404);
		assertThat(this.api.get("/api/orgs/" + org + "/invitations", ann.token()).body().get("items")).isEmpty();
		assertThat(actions(ann)).contains("org.invitation_sent");
	}

	@Test
	void aSignedInPersonAcceptsAnInvitationToTheirAddressOnly() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		TestUser eve = this.api.newUser("Eve");
		String org = org(ann);
		this.api.post("/api/orgs/" + org + "/invitations", ann.token(), Map.of("email", bob.email()));
		String token = EmailedLinks.token(this.context, this.clock, bob.email(), "invited you to");

		assertThat(this.api.post("/api/invitations/accept", eve.token(), Map.of("token", token)).status())
			.isEqualTo(403);
		Api.Response accepted = this.api.post("/api/invitations/accept", bob.token(), Map.of("token", token));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.body().get("role").asString()).isEqualTo("member");
		assertThat(dev.fixpoint.support.AuditTrail.actionsBy(this.jdbc, bob.id())).contains("org.invitation_accepted");
		assertThat(this.api.post("/api/invitations/accept", bob.token(), Map.of("token", token)).status())
			.isEqualTo(400);
		assertThat(
				this.api.post("/api/orgs/" + org + "/invitations", ann.token(), Map.of("email", bob.email())).status())
			.as("already a member")
			.isEqualTo(409);
	}

	@Test
	void invitationsExpireAfterAWeekAndCanBeRevoked() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		TestUser carl = this.api.newUser("Carl");
		String org = org(ann);
		this.api.post("/api/orgs/" + org + "/invitations", ann.token(), Map.of("email", bob.email()));
		String bobs = EmailedLinks.token(this.context, this.clock, bob.email(), "invited you to");
		String id = this.api.post("/api/orgs/" + org + "/invitations", ann.token(), Map.of("email", carl.email()))
			.body()
			.get("id")
			.asString();
		String carls = EmailedLinks.token(this.context, this.clock, carl.email(), "invited you to");
		assertThat(this.api.delete("/api/orgs/" + org + "/invitations/" + id, ann.token()).status()).isEqualTo(204);
		assertThat(dev.fixpoint.support.AuditTrail.actionsBy(this.jdbc, ann.id())).contains("org.invitation_sent",
				"org.invitation_revoked");
		assertThat(this.api.post("/api/invitations/accept", carl.token(), Map.of("token", carls)).status())
			.isEqualTo(400);

		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(this.api.post("/api/invitations/accept", bob.token(), Map.of("token", bobs)).status())
			.isEqualTo(400);
	}

	@Test
	void onlyOrgAdminsInvite() {
		TestUser ann = this.api.newUser("Ann");
		TestUser bob = this.api.newUser("Bob");
		TestUser eve = this.api.newUser("Eve");
		String org = org(ann);
		this.api.post("/api/orgs/" + org + "/members", ann.token(),
				Map.of("username", bob.username(), "role", "member"));
		assertThat(this.api.post("/api/orgs/" + org + "/invitations", bob.token(), Map.of("email", "x@example.com"))
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/orgs/" + org + "/invitations", bob.token()).status()).isEqualTo(403);
		assertThat(this.api.post("/api/orgs/" + org + "/invitations", eve.token(), Map.of("email", "x@example.com"))
			.status()).isEqualTo(404);
		BrowserSession member = BrowserSession.signedIn(baseUrl(), this.api, bob);
		BrowserSession.Page page = member.get("/orgs/" + org + "/members");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(ann.name()).doesNotContain("invite-form").doesNotContain("Audit log");
		assertThat(member.post("/orgs/" + org + "/invitations", Map.of("email", "x@example.com")).status())
			.isEqualTo(403);
	}

	private Api.Response signup(String email) {
		return this.api.post("/api/auth/signup", null, Map.of("email", email, "password", Api.PASSWORD, "name",
				"Some One", "username", "u" + Long.toString(System.nanoTime(), 36)));
	}

	private String org(TestUser user) {
		return this.api.get("/api/me", user.token()).body().get("organizations").get(0).get("slug").asString();
	}

	private boolean verified(TestUser user) {
		return this.jdbc.sql("select email_verified_at is not null from users where id = :id")
			.param("id", user.id())
			.query(Boolean.class)
			.single();
	}

	private List<String> actions(TestUser user) {
		return this.jdbc.sql("select action from audit_events where actor_id = :u order by created_at")
			.param("u", user.id())
			.query(String.class)
			.list();
	}

	private TestUser siteAdmin() {
		TestUser admin = this.api.newUser("Admin");
		this.jdbc.sql("update users set is_site_admin = true where id = :id").param("id", admin.id()).update();
		return admin;
	}

}
