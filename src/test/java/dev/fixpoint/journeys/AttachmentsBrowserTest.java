package dev.fixpoint.journeys;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Evidence on a bug: a screenshot dropped onto the bug page becomes a thumbnail, opens in
 * the lightbox, gets a rectangle drawn on it in the annotation editor, and is saved as a
 * new attachment linked to the original (which stays as it was).
 */
class AttachmentsBrowserTest extends BrowserTest {

	@Test
	void dropAScreenshotAnnotateItAndSaveTheCopy() throws Exception {
		this.api.ensureSetUp();
		TestUser ada = this.api.newUser("Ada");
		String project = this.api.newProject(ada).get("key").asString();
		JsonNode bug = this.api.newBug(ada, project, "Login button overlaps the footer", "high");
		String key = bug.get("key").asString();

		signIn(this.page, ada);
		open("/bugs/" + key);
		Locator panel = this.page.locator("#attachments[data-attachments]");
		assertThat(panel).containsText("No attachments yet.");
		assertThat(panel.getByText("Drop files anywhere on this page")).isVisible(); // the
																						// (async)
																						// modules
																						// are
																						// there

		drop(this.page, "#bug", "login-overlap.png", screenshot());

		Locator thumbnail = panel.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("login-overlap.png"));
		assertThat(thumbnail).isVisible();
		assertThat(panel.locator("[data-attachment-count]")).hasText("1");
		this.page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());

		// the lightbox, then the editor from it
		thumbnail.click();
		Locator lightbox = this.page.locator("dialog.lightbox");
		assertThat(lightbox).isVisible();
		assertThat(lightbox.locator(".lightbox-title")).hasText("login-overlap.png");
		lightbox.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annotate")).click();
		assertThat(lightbox).isHidden();

		Locator editor = this.page.locator("dialog.annotator");
		assertThat(editor).isVisible();
		Locator save = editor.getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("Save as new attachment"));
		assertThat(save).isDisabled(); // nothing drawn yet
		assertThat(editor.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Rectangle")))
			.hasAttribute("aria-checked", "true");
		this.page.waitForFunction("() => document.querySelector('dialog.annotator canvas').width === 320");

		BoundingBox box = editor.locator("canvas").boundingBox();
		this.page.mouse().move(box.x + box.width * 0.2, box.y + box.height * 0.3);
		this.page.mouse().down();
		this.page.mouse()
			.move(box.x + box.width * 0.5, box.y + box.height * 0.5,
					new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
		this.page.mouse()
			.move(box.x + box.width * 0.7, box.y + box.height * 0.8,
					new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
		this.page.mouse().up();
		assertThat(save).isEnabled();
		save.click();
		assertThat(editor).hasCount(0);

		// the copy is a new attachment, linked to the original, which is still there
		Locator copy = panel.locator(".att-item",
				new Locator.LocatorOptions().setHasText("login-overlap-annotated.png"));
		assertThat(copy).isVisible();
		assertThat(copy.locator(".att-origin")).hasText("annotated from login-overlap.png");
		assertThat(panel.locator("[data-attachment-count]")).hasText("2");
		assertThat(panel.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("login-overlap.png")))
			.isVisible();

		// the rectangle is in the saved pixels; the original has no red at all
		Map<String, BufferedImage> stored = storedImages(ada, bug.get("id").asString());
		assertThat(redPixels(stored.get("login-overlap.png"))).isZero();
		assertThat(redPixels(stored.get("login-overlap-annotated.png"))).isGreaterThan(200);

		// the lightbox walks through both images with the arrow keys; Escape closes it
		thumbnail.click();
		assertThat(lightbox.locator(".lightbox-title")).hasText("login-overlap.png");
		this.page.keyboard().press("ArrowRight");
		assertThat(lightbox.locator(".lightbox-title")).hasText("login-overlap-annotated.png");
		assertThat(lightbox.locator(".lightbox-count")).hasText("2 / 2");
		this.page.keyboard().press("ArrowLeft");
		assertThat(lightbox.locator(".lightbox-title")).hasText("login-overlap.png");
		this.page.keyboard().press("Escape");
		assertThat(lightbox).isHidden();

		// the copy stays after a reload (it is stored, not just drawn)
		this.page.reload();
		assertThat(this.page.locator("#attachments .att-origin")).hasText("annotated from login-overlap.png");
	}

	@Test
	void filesPastedOnTheNewBugFormArriveWithTheBugAndCommentsTakeFilesToo() throws Exception {
		this.api.ensureSetUp();
		TestUser quinn = this.api.newUser("Quinn");
		String project = this.api.newProject(quinn).get("key").asString();
		signIn(this.page, quinn);
		open("/p/" + project + "/bugs/new");
		this.page.getByLabel("Title").fill("Totals are wrong after a coupon");
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Medium")).check();
		assertThat(this.page.locator("[data-attach-queue]")).isVisible(); // shown by the
																			// (async)
																			// modules
		paste(this.page, "#description", "cart.png", screenshot());
		Locator queued = this.page.locator("[data-attach-queue] .att-upload");
		assertThat(queued).hasCount(1);
		assertThat(queued).containsText("cart.png");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File bug")).click();

		assertThat(this.page).hasURL(java.util.regex.Pattern.compile("/bugs/" + project + "-1$"));
		Locator panel = this.page.locator("#attachments[data-attachments]");
		assertThat(panel.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("cart.png"))).isVisible();

		// a refused file says why, in its own row, and nothing is added
		assertThat(panel.getByText("Drop files anywhere on this page")).isVisible();
		drop(this.page, "#bug", "invoice.png", "<html><body>not a picture</body></html>".getBytes());
		Locator refused = panel.locator(".att-upload.is-error");
		assertThat(refused).containsText("invoice.png");
		assertThat(refused.getByRole(AriaRole.ALERT)).containsText("not stored");
		assertThat(panel.locator("[data-attachment-count]")).hasText("1");

		// files picked in the comment form go with the comment and show under it
		this.page.getByLabel("Comment (markdown)").fill("The log of the failing checkout");
		this.page.getByLabel("Attach files to this comment")
			.setInputFiles(new com.microsoft.playwright.options.FilePayload("checkout.log", "text/plain",
					"INFO start\nERROR total=-3.00\n".getBytes()));
		assertThat(this.page.locator("[data-comment-queue] .att-upload")).containsText("checkout.log");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
		Locator comment = this.page.locator(".comment",
				new Page.LocatorOptions().setHasText("The log of the failing checkout"));
		assertThat(comment.locator(".comment-attachments")).containsText("checkout.log");
		comment.getByText("Show lines").click();
		assertThat(comment.locator(".att-lines")).containsText("ERROR total=-3.00");
	}

	@Test
	void screenshotsForHumans() throws Exception {
		assumeTrue(Boolean.getBoolean("fixpoint.screenshots"),
				"screenshots are taken with -Dfixpoint.screenshots=true");
		this.api.ensureSetUp();
		TestUser ada = this.api.newPerson("Ada Lovelace");
		String project = this.api.newProject(ada).get("key").asString();
		JsonNode bug = this.api.newBug(ada, project, "Login button overlaps the footer on small screens", "high");
		String key = bug.get("key").asString();
		String id = bug.get("id").asString();
		upload(ada, id, "login-overlap.png", screenshot());
		upload(ada, id, "checkout-step-2.png", screenshot());
		upload(ada, id, "server.log", serverLog());
		upload(ada, id, "crash-report.zip", zip());

		Path dir = Paths.get("target", "screenshots", "attachments");
		Files.createDirectories(dir);
		for (String mode : List.of("desktop-light", "desktop-dark", "phone-light", "phone-dark")) {
			boolean phone = mode.startsWith("phone");
			Browser.NewContextOptions options = new Browser.NewContextOptions()
				.setViewportSize(phone ? 390 : 1280, phone ? 844 : 900)
				.setColorScheme(mode.endsWith("dark") ? ColorScheme.DARK : ColorScheme.LIGHT);
			if (phone) {
				options.setIsMobile(true).setHasTouch(true);
			}
			Page p = anotherBrowser(options);
			signIn(p, ada);
			p.navigate(baseUrl() + "/bugs/" + key);
			Locator panel = p.locator("#attachments[data-attachments]");
			assertThat(panel.locator("[data-attachment-count]")).hasText("4");
			panel.getByText("Show lines").click();
			assertThat(panel.locator(".att-lines")).isVisible();
			p.waitForFunction("() => [...document.querySelectorAll('#attachments img')].every(i => i.complete)");
			p.evaluate("() => window.scrollTo(0, 0)"); // the sticky header stays at the
														// top of a full-page shot
			screenshot(p, "attachments/" + mode + "-bug");
			if (mode.equals("desktop-light")) {
				Files.createDirectories(Paths.get("docs", "screenshots"));
				BoundingBox shown = panel.boundingBox();
				p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
					.setClip(shown.x - 12, shown.y - 12, shown.width + 24, shown.height + 24)
					.setPath(Paths.get("docs", "screenshots", "attachments.png")));
			}
			p.evaluate(
					"() => { const a = document.getElementById('attachments'); window.scrollTo(0, a.getBoundingClientRect().top + window.scrollY - 64); }");
			panel.locator("a[data-lightbox]").first().click();
			assertThat(p.locator("dialog.lightbox")).isVisible();
			p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(mode + "-lightbox.png")));
			p.keyboard().press("Escape");
			panel.locator("[data-annotate-button]").first().click();
			Locator editor = p.locator("dialog.annotator");
			p.waitForFunction("() => document.querySelector('dialog.annotator canvas').width === 320");
			BoundingBox box = editor.locator("canvas").boundingBox();
			p.mouse().move(box.x + box.width * 0.1, box.y + box.height * 0.2);
			p.mouse().down();
			p.mouse()
				.move(box.x + box.width * 0.6, box.y + box.height * 0.45,
						new com.microsoft.playwright.Mouse.MoveOptions().setSteps(4));
			p.mouse().up();
			tool(editor, "Redact");
			drag(p, box, 0.1, 0.7, 0.5, 0.8);
			tool(editor, "Blur");
			drag(p, box, 0.05, 0.35, 0.55, 0.6);
			tool(editor, "Arrow");
			editor.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Yellow")).click();
			drag(p, box, 0.95, 0.2, 0.75, 0.75);
			tool(editor, "Text");
			p.mouse().click(box.x + box.width * 0.62, box.y + box.height * 0.05);
			editor.getByLabel("Label text").fill("overlaps!");
			editor.getByLabel("Label text").press("Enter");
			tool(editor, "Freehand");
			editor.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Blue")).click();
			if (phone) { // a real touch stroke through the browser's input pipeline
				com.microsoft.playwright.CDPSession cdp = p.context().newCDPSession(p);
				cdp.send("Input.dispatchTouchEvent", touch("touchStart", box, 0.6, 0.9));
				for (double t = 0.62; t < 0.95; t += 0.04) {
					cdp.send("Input.dispatchTouchEvent", touch("touchMove", box, t, 0.9 - (t - 0.6) / 2));
				}
				com.google.gson.JsonObject end = new com.google.gson.JsonObject();
				end.addProperty("type", "touchEnd");
				end.add("touchPoints", new com.google.gson.JsonArray());
				cdp.send("Input.dispatchTouchEvent", end);
			}
			else {
				drag(p, box, 0.6, 0.9, 0.95, 0.75);
			}
			assertThat(editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo"))).isEnabled();
			p.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(mode + "-annotator.png")));
		}
	}

	private static void tool(Locator editor, String name) {
		editor.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(name)).click();
	}

	private static void drag(Page p, BoundingBox box, double x1, double y1, double x2, double y2) {
		p.mouse().move(box.x + box.width * x1, box.y + box.height * y1);
		p.mouse().down();
		p.mouse()
			.move(box.x + box.width * x2, box.y + box.height * y2,
					new com.microsoft.playwright.Mouse.MoveOptions().setSteps(6));
		p.mouse().up();
	}

	private static com.google.gson.JsonObject touch(String type, BoundingBox box, double x, double y) {
		com.google.gson.JsonObject point = new com.google.gson.JsonObject();
		point.addProperty("x", box.x + box.width * x);
		point.addProperty("y", box.y + box.height * y);
		com.google.gson.JsonArray points = new com.google.gson.JsonArray();
		points.add(point);
		com.google.gson.JsonObject event = new com.google.gson.JsonObject();
		event.addProperty("type", type);
		event.add("touchPoints", points);
		return event;
	}

	/**
	 * Drops a file on {@code selector} the way a desktop drag does: dragenter, dragover,
	 * drop with a DataTransfer.
	 */
	static void drop(Page page, String selector, String name, byte[] content) {
		JSHandle transfer = page.evaluateHandle("""
				([data, name]) => {
				  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
				  const transfer = new DataTransfer();
				  transfer.items.add(new File([bytes], name, { type: 'image/png' }));
				  return transfer;
				}""", List.of(Base64.getEncoder().encodeToString(content), name));
		page.dispatchEvent(selector, "dragenter", Map.of("dataTransfer", transfer));
		page.dispatchEvent(selector, "dragover", Map.of("dataTransfer", transfer));
		assertThat(page.locator(".att-drop-overlay")).isVisible();
		page.dispatchEvent(selector, "drop", Map.of("dataTransfer", transfer));
		assertThat(page.locator(".att-drop-overlay")).hasCount(0);
	}

	/**
	 * Pastes a file into {@code selector} the way a browser does with a screenshot on the
	 * clipboard.
	 */
	static void paste(Page page, String selector, String name, byte[] content) {
		page.locator(selector).focus();
		page.evaluate("""
				([selector, data, name]) => {
				  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
				  const transfer = new DataTransfer();
				  transfer.items.add(new File([bytes], name, { type: 'image/png' }));
				  document.querySelector(selector).dispatchEvent(
				    new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
				}""", List.of(selector, Base64.getEncoder().encodeToString(content), name));
	}

	/** A 320×200 "screenshot" without any red in it. */
	static byte[] screenshot() throws IOException {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xf7f8fa));
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(0x4f46e5));
		g.fillRect(0, 0, 320, 30);
		g.setColor(new Color(0x9aa1ad));
		for (int y = 50; y < 150; y += 20) {
			g.fillRect(20, y, 180 + (y % 70), 8);
		}
		g.setColor(new Color(0x1b7f3b));
		g.fillRect(200, 160, 100, 28);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private Map<String, BufferedImage> storedImages(TestUser user, String bugId) throws Exception {
		Api.Response list = this.api.get("/api/bugs/" + bugId + "/attachments", user.token());
		JsonNode items = list.body().has("items") ? list.body().get("items") : list.body();
		java.util.HashMap<String, BufferedImage> images = new java.util.HashMap<>();
		Multipart http = new Multipart(baseUrl(), this.json);
		for (JsonNode item : items) {
			HttpResponse<byte[]> bytes = http.download(item.get("download_url").asString(), Map.of());
			assertThat(bytes.statusCode()).isEqualTo(200);
			images.put(item.get("filename").asString(), ImageIO.read(new ByteArrayInputStream(bytes.body())));
		}
		return images;
	}

	private static int redPixels(BufferedImage image) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				Color c = new Color(image.getRGB(x, y));
				if (c.getRed() > 180 && c.getGreen() < 90 && c.getBlue() < 120) {
					count++;
				}
			}
		}
		return count;
	}

	private void upload(TestUser user, String bugId, String name, byte[] content) {
		Api.Response r = new Multipart(baseUrl(), this.json).upload("/api/bugs/" + bugId + "/attachments", user.token(),
				name, content);
		assertThat(r.status()).as(r.raw()).isEqualTo(201);
	}

	private static byte[] serverLog() {
		StringBuilder log = new StringBuilder();
		for (int i = 1; i <= 600; i++) {
			log.append("2026-11-25T10:")
				.append(String.format("%02d:%02d", i / 60 % 60, i % 60))
				.append(i % 17 == 0 ? "Z ERROR checkout: payment provider timed out after 30000 ms"
						: "Z INFO  http: GET /checkout/step/" + (i % 4 + 1) + " 200 " + (12 + i % 40) + " ms")
				.append('\n');
		}
		return log.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static byte[] zip() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("crash.txt"));
			zip.write("SIGSEGV in libpayments.so".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
