package dev.fixpoint.attachments.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.BrowserSession.Page;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachment pages over real HTTP, as a browser without JavaScript (multipart form
 * with the CSRF field) and as the attachments modules and htmx see them (the CSRF header,
 * fragments).
 */
class AttachmentPagesTest extends IntegrationTest {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	private static final Pattern ATTACHMENT_ID = Pattern.compile("id=\"attachment-([0-9a-f-]{36})\"");

	private static final Pattern IMPORT = Pattern.compile("(?:^import .* from |import\\()'\\./([a-z-]+\\.js)'",
			Pattern.MULTILINE);

	private TestUser ann;

	private String project;

	private String key;

	private BrowserSession browser;

	@BeforeEach
	void aBugAndItsAdmin() {
		this.ann = this.api.newUser("Ann");
		this.project = this.api.newProject(this.ann).get("key").asString();
		this.key = this.api.newBug(this.ann, this.project, "Checkout button does nothing", "high")
			.get("key")
			.asString();
		this.browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
	}

	@Test
	void fileUploadedThroughThePlainFormIsOnTheBugsAttachmentsPage() {
		Page panel = this.browser.get("/bugs/" + this.key + "/attachments");
		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.text()).contains("No attachments yet.");
		assertThat(panel.body()).contains("enctype=\"multipart/form-data\"", "name=\"_csrf\"");

		Page posted = this.browser.postFile("/bugs/" + this.key + "/attachments", "file", "checkout.png", png(), true,
				Map.of());
		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.location()).matches("/bugs/" + this.key + "#attachment-[0-9a-f-]{36}");

		Page after = this.browser.get("/bugs/" + this.key + "/attachments");
		assertThat(after.text()).contains("checkout.png", "image/png").doesNotContain("No attachments yet.");
		assertThat(after.body()).contains("data-lightbox", "/api/attachments/");
	}

	@Test
	void uploadWithoutTheCsrfTokenIsRefusedAndStoresNothing() {
		this.browser.get("/bugs/" + this.key);
		Page posted = this.browser.postFile("/bugs/" + this.key + "/attachments", "file", "checkout.png", png(), false,
				HTMX);
		assertThat(posted.status()).isEqualTo(403);
		assertThat(this.browser.htmxGet("/bugs/" + this.key + "/attachments").text()).contains("No attachments yet.");
	}

	@Test
	void scriptUploadGetsTheNewItemWithAnAnnotateLinkAndAnAnnotationIsLinkedToItsOriginal() {
		this.browser.get("/bugs/" + this.key);
		Page item = uploadWithHeader("screen.png", png());
		assertThat(item.status()).isEqualTo(201);
		assertThat(item.body()).startsWith("<li")
			.contains("data-kind=\"image\"", "screen.png", "data-annotate-url=")
			.doesNotContain("<html");
		String original = id(item);

		Page annotated = this.browser.postFile("/bugs/" + this.key + "/attachments?annotation_of=" + original, "file",
				"screen-annotated.png", png(), false, headers());
		assertThat(annotated.status()).isEqualTo(201);
		assertThat(annotated.text()).contains("screen-annotated.png", "annotated from screen.png");
		assertThat(annotated.body()).contains("href=\"#attachment-" + original + "\"");

		Page panel = this.browser.htmxGet("/bugs/" + this.key + "/attachments");
		assertThat(panel.body()).contains("data-attachment-count>2<", "annotated from");
	}

	@Test
	void refusedUploadsComeBackAsTheServersMessage() {
		this.browser.get("/bugs/" + this.key);
		Page html = uploadWithHeader("logo.png",
				"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		assertThat(html.status()).isEqualTo(422);
		assertThat(html.body()).contains("data-upload-error");
		assertThat(html.text()).contains("was not stored");

		Page empty = uploadWithHeader("empty.log", new byte[0]);
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.text()).containsIgnoringCase("empty");

		Page plain = this.browser.postFile("/bugs/" + this.key + "/attachments", "file", "logo.png",
				"<html></html>".getBytes(StandardCharsets.UTF_8), true, Map.of());
		assertThat(plain.status()).isEqualTo(422);
		assertThat(plain.text()).contains("was not stored", "Attachments");
	}

	@Test
	void tooLargeFilesAreRefusedWithTheLimitWhetherTheirLengthIsDeclaredOrNot() {
		this.browser.get("/bugs/" + this.key);
		byte[] big = new byte[25 * 1024 * 1024 + 70 * 1024];
		Page declared = uploadWithHeader("huge.log", big);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.body()).contains("25.0 MB");

		Map<String, String> chunked = new java.util.HashMap<>(headers());
		chunked.put("X-Test-Chunked", "true");
		Page streamed = this.browser.postFile("/bugs/" + this.key + "/attachments", "file", "huge.log", big, false,
				chunked);
		assertThat(streamed.status()).isEqualTo(413);
		assertThat(streamed.body()).contains("data-upload-error", "25.0 MB");
		assertThat(this.browser.htmxGet("/bugs/" + this.key + "/attachments").text()).contains("No attachments yet.");
	}

	@Test
	void viewerSeesAttachmentsButNoUploadFormAndCannotUpload() {
		TestUser vic = this.api.newUser("Vic");
		this.api.addMember(this.ann, this.project, vic, "viewer");
		this.browser.get("/bugs/" + this.key);
		uploadWithHeader("shown.png", png());

		BrowserSession viewer = BrowserSession.signedIn(baseUrl(), this.api, vic);
		Page panel = viewer.htmxGet("/bugs/" + this.key + "/attachments");
		assertThat(panel.status()).isEqualTo(200);
		assertThat(panel.text()).contains("shown.png");
		assertThat(panel.body()).doesNotContain("enctype=\"multipart/form-data\"", "data-upload-url", "Delete",
				"data-annotate-url=\"/");

		viewer.get("/bugs/" + this.key);
		Page posted = viewer.postFile("/bugs/" + this.key + "/attachments", "file", "mine.png", png(), false,
				Map.of("HX-Request", "true", "X-CSRF-TOKEN", viewer.csrfToken()));
		assertThat(posted.status()).isEqualTo(403);
		assertThat(posted.text()).contains("viewer");
	}

	@Test
	void nonMembersGet404() {
		this.browser.get("/bugs/" + this.key);
		String id = id(uploadWithHeader("secret.png", png()));
		BrowserSession stranger = BrowserSession.signedIn(baseUrl(), this.api, this.api.newUser("Eve"));
		assertThat(stranger.get("/bugs/" + this.key + "/attachments").status()).isEqualTo(404);
		assertThat(stranger.get("/attachments/" + id + "/lines").status()).isEqualTo(404);
		stranger.get("/projects");
		assertThat(stranger.post("/attachments/" + id + "/delete", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void logsArePagedTwoHundredLinesAtATime() {
		String log = IntStream.rangeClosed(1, 450)
			.mapToObj(i -> "2026-11-25T10:00:00Z INFO line " + i + (i == 7 ? " <script>alert(1)</script>" : ""))
			.collect(Collectors.joining("\n"));
		this.browser.get("/bugs/" + this.key);
		Page item = uploadWithHeader("server.log", log.getBytes(StandardCharsets.UTF_8));
		assertThat(item.status()).isEqualTo(201);
		assertThat(item.body()).contains("data-kind=\"file\"", "Show lines");
		String id = id(item);

		Page first = this.browser.htmxGet("/attachments/" + id + "/lines?from=1");
		assertThat(first.body()).contains("INFO line 1<", "INFO line 200<", "&lt;script&gt;")
			.doesNotContain("INFO line 201<", "<script>alert")
			.contains("/attachments/" + id + "/lines?from=201&amp;rows=true");
		assertThat(first.body()).contains("<td class=\"ln\">200</td>");

		Page last = this.browser.htmxGet("/attachments/" + id + "/lines?from=401&rows=true");
		assertThat(last.body()).startsWith("\n")
			.contains("INFO line 401<", "INFO line 450<")
			.doesNotContain("Next", "att-lines-info");

		Page page = this.browser.get("/attachments/" + id + "/lines?from=201");
		assertThat(page.body()).contains("<html", "INFO line 201<", "INFO line 400<", "Previous lines",
				"/attachments/" + id + "/lines?from=401");
	}

	@Test
	void recordingsPlayInThePagePdfsOpenInTheBrowserArchivesDownload() {
		this.browser.get("/bugs/" + this.key);
		Page video = uploadWithHeader("checkout.webm", webm());
		assertThat(video.status()).as(video.body()).isEqualTo(201);
		assertThat(video.body())
			.contains("<video class=\"att-player\" controls preload=\"metadata\" src=\"/api/attachments/");

		Page pdf = uploadWithHeader("invoice.pdf",
				"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
		assertThat(pdf.status()).isEqualTo(201);
		assertThat(pdf.body()).contains("Open PDF", "target=\"_blank\"").doesNotContain("<iframe");

		Page zip = uploadWithHeader("dump.zip",
				new byte[] { 'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		assertThat(zip.status()).isEqualTo(201);
		assertThat(zip.body()).contains("download=\"dump.zip\"", ">ZIP<", "application/zip");
	}

	@Test
	void uploaderOrAdminDeletesOthersCannot() {
		TestUser dev = this.api.newUser("Dev");
		TestUser other = this.api.newUser("Odo");
		this.api.addMember(this.ann, this.project, dev, "developer");
		this.api.addMember(this.ann, this.project, other, "developer");
		BrowserSession devBrowser = BrowserSession.signedIn(baseUrl(), this.api, dev);
		devBrowser.get("/bugs/" + this.key);
		String id = id(devBrowser.postFile("/bugs/" + this.key + "/attachments", "file", "trace.png", png(), false,
				Map.of("HX-Request", "true", "X-CSRF-TOKEN", devBrowser.csrfToken())));

		BrowserSession otherBrowser = BrowserSession.signedIn(baseUrl(), this.api, other);
		Page panel = otherBrowser.htmxGet("/bugs/" + this.key + "/attachments");
		assertThat(panel.body()).doesNotContain("/attachments/" + id + "/delete");
		assertThat(otherBrowser.post("/attachments/" + id + "/delete", Map.of()).status()).isEqualTo(403);

		Page deleted = devBrowser.htmxPost("/attachments/" + id + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.body()).contains("id=\"attachments\"").doesNotContain("trace.png");
	}

	@Test
	void adminsSeeTheProjectsRulesAndThatScanningIsOff() {
		Page page = this.browser.get("/p/" + this.project + "/settings/attachments");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Malware scanning is off");
		assertThat(page.body()).contains("value=\"image, video, audio, text, pdf, archive\"",
				"name=\"retention_days_after_close\" value=\"\"");
		assertThat(this.browser.get("/p/" + this.project + "/members").body())
			.contains("/p/" + this.project + "/settings/attachments");

		TestUser dev = this.api.newUser("Dev");
		this.api.addMember(this.ann, this.project, dev, "developer");
		BrowserSession devBrowser = BrowserSession.signedIn(baseUrl(), this.api, dev);
		assertThat(devBrowser.get("/p/" + this.project + "/settings/attachments").status()).isEqualTo(403);
		assertThat(devBrowser.get("/p/" + this.project + "/members").body()).doesNotContain("settings/attachments");
	}

	@Test
	void adminsChangeTheProjectsRulesOnTheSettingsPageWithTheApisValidation() {
		String settings = "/p/" + this.project + "/settings/attachments";
		this.browser.get(settings);
		Page refused = this.browser.post(settings,
				Map.of("allowed_types", "image, spreadsheets", "retention_days_after_close", "7"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("'spreadsheets' is neither one of");
		assertThat(refused.body()).contains("value=\"image, spreadsheets\"");

		Page saved = this.browser.post(settings,
				Map.of("allowed_types", "image, application/pdf", "retention_days_after_close", "30"));
		assertThat(saved.isRedirectTo(settings + "?saved")).isTrue();
		assertThat(this.browser.follow(saved).text()).contains("Attachment settings saved",
				"deleted 30 days after the bug was closed");
		var api = this.api.get("/api/projects/" + this.project + "/attachment-settings", this.ann.token()).body();
		assertThat(api.get("allowed_types").toString()).isEqualTo("[\"image\",\"application/pdf\"]");
		assertThat(api.get("retention_days_after_close").asInt()).isEqualTo(30);

		Page badNumber = this.browser.post(settings,
				Map.of("allowed_types", "image", "retention_days_after_close", "soon"));
		assertThat(badNumber.status()).isEqualTo(422);
		assertThat(badNumber.text()).contains("whole number of days");
		assertThat(
				this.browser.post(settings, Map.of("allowed_types", "image", "retention_days_after_close", "0")).text())
			.contains("must be between 1 and 36500 days");
	}

	@Test
	void theBugPageLoadsThePanelAndTheNewBugFormTakesFiles() {
		Page bug = this.browser.get("/bugs/" + this.key);
		assertThat(bug.body()).contains("hx-get=\"/bugs/" + this.key + "/attachments\"", "hx-trigger=\"load\"",
				"href=\"/bugs/" + this.key + "/attachments\"");
		Page form = this.browser.get("/p/" + this.project + "/bugs/new");
		assertThat(form.body()).contains("data-attach-after-create", "data-attach-input");
	}

	@Test
	void theScriptModulesReachAnyBrowserAsJavaScriptAndThePolicyLetsThemRun() {
		Page bug = this.browser.get("/bugs/" + this.key);
		assertThat(bug.body()).contains("<script type=\"module\" src=\"/js/attachments/main.js\" async></script>");
		assertThat(bug.header("Content-Security-Policy")).contains("script-src 'self'");

		// every module main.js imports (or loads when needed), and theirs: one not served
		// as JavaScript stops them all
		BrowserSession signedOut = BrowserSession.anonymous(baseUrl(), this.api);
		Set<String> served = new TreeSet<>();
		Deque<String> imported = new ArrayDeque<>(List.of("main.js"));
		while (!imported.isEmpty()) {
			String module = imported.pop();
			if (served.add(module)) {
				Page js = signedOut.get("/js/attachments/" + module);
				assertThat(js.status()).as(module).isEqualTo(200);
				assertThat(js.header("Content-Type")).as(module).matches("(text|application)/javascript.*");
				Matcher imports = IMPORT.matcher(js.body());
				while (imports.find()) {
					imported.push(imports.group(1));
				}
			}
		}
		assertThat(served).contains("upload.js", "input.js", "new-bug.js", "comment-files.js", "lightbox.js",
				"editor.js");
	}

	private Page uploadWithHeader(String name, byte[] content) {
		return this.browser.postFile("/bugs/" + this.key + "/attachments", "file", name, content, false, headers());
	}

	private Map<String, String> headers() {
		return Map.of("HX-Request", "true", "X-CSRF-TOKEN", this.browser.csrfToken());
	}

	private static String id(Page item) {
		Matcher m = ATTACHMENT_ID.matcher(item.body());
		assertThat(m.find()).as("an attachment item in %s", item.body()).isTrue();
		return m.group(1);
	}

	/**
	 * The start of a WebM file: an EBML header whose doctype is "webm", then a segment.
	 */
	static byte[] webm() {
		byte[] header = { 0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 0x01, 0x42,
				(byte) 0xF7, (byte) 0x81, 0x01, 0x42, (byte) 0xF2, (byte) 0x81, 0x04, 0x42, (byte) 0xF3, (byte) 0x81,
				0x08, 0x42, (byte) 0x82, (byte) 0x84, 'w', 'e', 'b', 'm', 0x42, (byte) 0x87, (byte) 0x81, 0x02, 0x42,
				(byte) 0x85, (byte) 0x81, 0x02, 0x18, 0x53, (byte) 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 0x10 };
		byte[] file = java.util.Arrays.copyOf(header, header.length + 64);
		return file;
	}

	/** A real PNG: a small "screenshot" with a blue bar and grey text lines. */
	static byte[] png() {
		BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 320, 200);
		g.setColor(new Color(0x4f46e5));
		g.fillRect(0, 0, 320, 28);
		g.setColor(Color.GRAY);
		for (int y = 50; y < 190; y += 22) {
			g.fillRect(20, y, 200 + (y % 60), 8);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
