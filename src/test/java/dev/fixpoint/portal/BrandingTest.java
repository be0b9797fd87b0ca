package dev.fixpoint.portal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jakarta.mail.internet.MimeMessage;

import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's branding: the accent colour (validated, its text colour chosen for
 * contrast), the logo (sniffed by content, PNG/JPEG/WebP only, at most 512 KB, served
 * with long-lived cache headers) on the portal form, tracking and status pages and in
 * their emails; only the organization's admins change it.
 */
class BrandingTest extends IntegrationTest {

	@Autowired
	ApplicationContext context;

	PortalFixture portal;

	Multipart multipart;

	@BeforeEach
	void fixture() {
		this.portal = new PortalFixture(this.api, baseUrl(), this.context, this.clock);
		this.multipart = new Multipart(baseUrl(), this.json);
	}

	@Test
	void theAccentIsValidatedAndItsTextColourChosenForContrast() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		String path = "/api/orgs/" + project.orgSlug() + "/branding";
		TestUser admin = project.admin();
		assertThat(this.api.get(path, admin.token()).body().path("accent").isNull()).isTrue();

		JsonNode dark = this.api.put(path, admin.token(), Map.of("accent", "#1F3A8A")).body();
		assertThat(dark.path("accent").asString()).isEqualTo("#1f3a8a");
		assertThat(dark.path("accent_text").asString()).isEqualTo("#ffffff");
		JsonNode light = this.api.put(path, admin.token(), Map.of("accent", "#ffd60a")).body();
		assertThat(light.path("accent_text").asString()).isEqualTo("#111827");

		for (String bad : List.of("red", "#fff", "#12345g", "#1f3a8a; color: red", "url(x)")) {
			Api.Response refused = this.api.put(path, admin.token(), Map.of("accent", bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.header("content-type")).startsWith("application/problem+json");
			assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("accent");
		}
		assertThat(this.api.get(path, admin.token()).body().path("accent").asString()).isEqualTo("#ffd60a");

		TestUser member = this.api.newUser("bmember");
		this.api.post("/api/orgs/" + project.orgSlug() + "/members", admin.token(),
				Map.of("username", member.username(), "role", "member"));
		assertThat(this.api.put(path, member.token(), Map.of("accent", "#000000")).status()).isEqualTo(403);
		assertThat(this.multipart.upload(path + "/logo", member.token(), "logo.png", png()).status()).isEqualTo(403);

		assertThat(this.api.put(path, admin.token(), Map.of("accent", "")).body().path("accent").isNull()).isTrue();
	}

	@Test
	void aLogoIsSniffedByContentLimitedInSizeAndServedWithCacheHeaders() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		String path = "/api/orgs/" + project.orgSlug() + "/branding/logo";
		TestUser admin = project.admin();

		byte[] svg = """
				<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"""
			.getBytes(StandardCharsets.UTF_8);
		Api.Response refused = this.multipart.upload(path, admin.token(), "logo.png", svg);
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
		Api.Response text = this.multipart.upload(path, admin.token(), "logo.webp", "just text".getBytes());
		assertThat(text.status()).isEqualTo(400);
		byte[] huge = Arrays.copyOf(png(), 600 * 1024);
		Api.Response tooLarge = this.multipart.upload(path, admin.token(), "logo.png", huge);
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.header("content-type")).startsWith("application/problem+json");

		Api.Response stored = this.multipart.upload(path, admin.token(), "whatever.svg", png());
		assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
		String logoUrl = stored.body().path("logo_url").asString();
		assertThat(logoUrl).startsWith("/status/" + project.orgSlug() + "/logo?v=");

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> logo = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + logoUrl)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(logo.statusCode()).isEqualTo(200);
		assertThat(logo.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
		assertThat(logo.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
		assertThat(logo.body()).isEqualTo(png());
		String etag = logo.headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> again = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + logoUrl)).header("If-None-Match", etag).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(again.statusCode()).isEqualTo(304);

		assertThat(this.api.delete(path, admin.token()).body().path("logo_url").isNull()).isTrue();
		assertThat(http
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + logoUrl)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);
	}

	@Test
	void thePortalTrackingAndStatusPagesAndTheirEmailsWearTheBranding() throws Exception {
		PortalFixture.Project project = this.portal.openPortal(false);
		TestUser admin = project.admin();
		String org = project.orgSlug();
		this.api.put("/api/orgs/" + org + "/branding", admin.token(), Map.of("accent", "#0b7a75"));
		String logoUrl = this.multipart.upload("/api/orgs/" + org + "/branding/logo", admin.token(), "logo.png", png())
			.body()
			.path("logo_url")
			.asString();

		for (String page : List.of("/status/" + org, "/portal/" + project.key())) {
			String html = this.portal.getPage(page).body();
			assertThat(html).as(page)
				.contains("--brand: #0b7a75; --brand-text: #ffffff;")
				.contains("class=\"public branded\"")
				.contains("src=\"" + logoUrl.replace("&", "&amp;") + "\"");
		}
		String email = PortalFixture.newEmail();
		JsonNode receipt = this.portal.file(project.key(), email, "Branded report");
		String tracking = PortalFixture.path(receipt.path("tracking_url").asString());
		assertThat(this.portal.getPage(tracking).body()).contains("--brand: #0b7a75;");

		List<MimeMessage> mail = this.portal.mailTo(email);
		assertThat(mail).hasSize(1);
		String html = StatusSubscriptionApiTest.html(mail.get(0));
		assertThat(html).contains("background:#0b7a75")
			.containsPattern("src=\"https?://[^\"]+" + java.util.regex.Pattern.quote(logoUrl));
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(24, 12, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(11, 122, 117));
		g.fillRect(0, 0, 24, 12);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
