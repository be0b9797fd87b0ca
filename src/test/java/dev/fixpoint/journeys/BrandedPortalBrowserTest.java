package dev.fixpoint.journeys;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.FilePayload;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization admin brands the public pages (accent colour and logo; an SVG or a bad
 * colour is refused inline), a visitor sees the branded status page, finds its RSS feed
 * from the page and reads it, and the branded portal form. Screenshots of the branded
 * status page and portal form, desktop and phone, light and dark, go to
 * target/screenshots/branding.
 */
class BrandedPortalBrowserTest extends BrowserTest {

	@Test
	void anAdminBrandsThePublicPagesAndAVisitorReadsTheRssFeed() throws Exception {
		TestUser admin = this.api.newPerson("Bea Brand");
		String key = "B" + UUID.randomUUID().toString().replaceAll("[^A-Z0-9]", "").substring(0, 4).toUpperCase() + "R";
		Api.Response created = this.api.post("/api/projects", admin.token(),
				Map.of("name", "Northwind Cloud", "key", key, "is_public", true));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String projectId = created.body().path("id").asString();
		this.api.put("/api/projects/" + projectId + "/portal", admin.token(),
				Map.of("enabled", true, "intro", "Tell us what went wrong: we read every report."));
		String org = this.api.get("/api/me", admin.token()).body().path("organizations").get(0).path("slug").asString();
		for (String[] entry : List.of(new String[] { "Invoices & receipts <em>download</em> slowly", "high" },
				new String[] { "Some sign-ins need a second try", "medium" })) {
			String bug = this.api.newBug(admin, key, "internal " + entry[0], entry[1]).path("id").asString();
			this.api.put("/api/bugs/" + bug + "/status-entry", admin.token(),
					Map.of("public_title", entry[0], "public_note", "We are on it.", "eta", "2027-01-20"));
		}

		signIn(this.page, admin);
		open("/orgs/" + org + "/settings/branding");
		assertThat(this.page.locator("h1")).containsText("Branding of");
		this.page.getByLabel("Colour (#rrggbb)").fill("teal");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save colour")).click();
		assertThat(this.page.locator("#accent-error")).containsText("must be a colour like");
		waitForLoad(this.page);
		this.page.getByLabel("Colour (#rrggbb)").fill("#0B7A75");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save colour")).click();
		assertThat(this.page.locator(".alert-ok")).hasText("Colour saved.");
		assertThat(this.page.locator("#branding-accent")).hasText("#0b7a75");

		this.page.locator("#f-logo")
			.setInputFiles(new FilePayload("logo.png", "image/png",
					"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
		assertThat(this.page.locator("#logo-error")).containsText("PNG, JPEG or WebP");
		waitForLoad(this.page);
		this.page.locator("#f-logo").setInputFiles(new FilePayload("logo.png", "image/png", logo()));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
		assertThat(this.page.locator(".alert-ok")).hasText("Logo saved.");
		assertThat(this.page.locator("#branding-logo")).isVisible();

		Page visitor = anotherBrowser();
		visitor.navigate(baseUrl() + "/status/" + org);
		assertThat(visitor.locator(".public-bar .brand-logo")).isVisible();
		assertThat(visitor.locator(".public-bar")).hasCSS("background-color", "rgb(11, 122, 117)");
		assertThat(visitor.locator(".public-bar .brand")).hasCSS("color", "rgb(255, 255, 255)");
		String rss = visitor.locator("link[rel=alternate][type='application/rss+xml']").getAttribute("href");
		assertThat(rss).isEqualTo("/status/" + org + "/feed.rss");
		assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RSS feed"))).isVisible();
		Api.Response feed = this.api.get(rss, null);
		assertThat(feed.status()).isEqualTo(200);
		Document xml = parse(feed.raw());
		assertThat(xml.getElementsByTagName("item").getLength()).isEqualTo(2);
		assertThat(feed.raw()).contains("Invoices &amp; receipts &lt;em&gt;download&lt;/em&gt; slowly");

		screenshotAll("/status/" + org, "status");
		screenshotAll("/portal/" + key, "portal");
	}

	private void screenshotAll(String path, String name) {
		record Variant(String name, Browser.NewContextOptions options) {
		}
		for (Variant v : List.of(
				new Variant("desktop-light",
						new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(ColorScheme.LIGHT)),
				new Variant("desktop-dark",
						new Browser.NewContextOptions().setViewportSize(1280, 900).setColorScheme(ColorScheme.DARK)),
				new Variant("phone-light",
						new Browser.NewContextOptions().setViewportSize(390, 844)
							.setIsMobile(true)
							.setHasTouch(true)
							.setColorScheme(ColorScheme.LIGHT)),
				new Variant("phone-dark",
						new Browser.NewContextOptions().setViewportSize(390, 844)
							.setIsMobile(true)
							.setHasTouch(true)
							.setColorScheme(ColorScheme.DARK)))) {
			Page page = anotherBrowser(v.options());
			page.navigate(baseUrl() + path);
			page.locator(".brand-logo").waitFor();
			screenshot(page, "branding/" + name + "-" + v.name());
		}
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	/** A small wordmark: a white "N" on the accent, as a customer's logo might be. */
	private static byte[] logo() throws Exception {
		BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_ARGB);
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRoundRect(0, 0, 96, 96, 24, 24);
		g.setColor(new Color(11, 122, 117));
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
		g.drawString("N", 22, 74);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
