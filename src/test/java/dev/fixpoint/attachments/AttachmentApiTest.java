package dev.fixpoint.attachments;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentApiTest extends IntegrationTest {

	@Autowired
	ObjectStorage storage;

	@Autowired
	SignedUrls signedUrls;

	Multipart multipart;

	TestUser admin;

	String projectKey;

	String bugId;

	@BeforeEach
	void setUp() {
		this.multipart = new Multipart(baseUrl(), this.json);
		this.admin = this.api.newUser("att");
		this.projectKey = this.api.newProject(this.admin).get("key").asString();
		this.bugId = this.api.newBug(this.admin, this.projectKey, "Screen flickers", "high").get("id").asString();
	}

	private Api.Response upload(TestUser user, String filename, byte[] content) {
		return this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", user.token(), filename, content);
	}

	private List<String> storedKeys() throws Exception {
		List<String> keys = new ArrayList<>();
		this.storage.forEach(o -> keys.add(o.key()));
		return keys;
	}

	@Test
	void aPngIsSniffedStoredWithAThumbnailAndServedThroughItsSignedUrl() {
		byte[] png = SampleFiles.png(1600, 900);
		Api.Response created = upload(this.admin, "screenshot.png", png);

		assertThat(created.status()).isEqualTo(201);
		JsonNode a = created.body();
		assertThat(created.header("Location")).isEqualTo("/api/attachments/" + a.get("id").asString());
		assertThat(a.get("filename").asString()).isEqualTo("screenshot.png");
		assertThat(a.get("file_size").asLong()).isEqualTo(png.length);
		assertThat(a.get("mime_type").asString()).isEqualTo("image/png");
		assertThat(a.get("preview").asString()).isEqualTo("image");
		assertThat(a.get("width").asInt()).isEqualTo(1600);
		assertThat(a.get("height").asInt()).isEqualTo(900);
		assertThat(a.get("has_thumbnail").asBoolean()).isTrue();
		assertThat(a.get("uploaded_by").get("username").asString()).isEqualTo(this.admin.username());
		assertThat(a.get("created_at").isNull()).isFalse();
		assertThat(a.get("bug_id").asString()).isEqualTo(this.bugId);

		// no token: the signature is the permission (works from <img src>)
		HttpResponse<byte[]> original = this.multipart.download(a.get("download_url").asString(), Map.of());
		assertThat(original.statusCode()).isEqualTo(200);
		assertThat(original.body()).isEqualTo(png);
		assertThat(original.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(original.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("default-src 'none'")
			.contains("sandbox");
		assertThat(original.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline")
			.contains("screenshot.png");

		HttpResponse<byte[]> thumbnail = this.multipart.download(a.get("thumbnail_url").asString(), Map.of());
		assertThat(thumbnail.statusCode()).isEqualTo(200);
		var image = read(thumbnail.body());
		assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(Thumbnails.SIZE);
		assertThat(image.getWidth() * 9).isCloseTo(image.getHeight() * 16, org.assertj.core.data.Offset.offset(20));

		JsonNode list = this.api.get("/api/bugs/" + this.bugId + "/attachments", this.admin.token()).body();
		assertThat(list.get("items")).hasSize(1);
		assertThat(list.get("items").get(0).get("download_url").asString()).contains("signature=");
	}

	private static java.awt.image.BufferedImage read(byte[] bytes) {
		try {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void pdfsAndLogsAreRecognizedByContentAndLogsArePagedByLines() {
		JsonNode pdf = upload(this.admin, "report.pdf", SampleFiles.pdf()).body();
		assertThat(pdf.get("mime_type").asString()).isEqualTo("application/pdf");
		assertThat(pdf.get("preview").asString()).isEqualTo("pdf");
		assertThat(pdf.get("has_thumbnail").asBoolean()).isFalse();
		assertThat(pdf.get("thumbnail_url").isNull()).isTrue();

		Api.Response log = upload(this.admin, "server.log", SampleFiles.log(250));
		assertThat(log.status()).isEqualTo(201);
		assertThat(log.body().get("mime_type").asString()).startsWith("text/");
		assertThat(log.body().get("preview").asString()).isEqualTo("text");
		String id = log.body().get("id").asString();

		JsonNode first = this.api.get("/api/attachments/" + id + "/lines?count=100", this.admin.token()).body();
		assertThat(first.get("from").asLong()).isEqualTo(1);
		assertThat(first.get("lines")).hasSize(100);
		assertThat(first.get("lines").get(0).asString()).endsWith("line 1");
		assertThat(first.get("next_from").asLong()).isEqualTo(101);
		JsonNode last = this.api.get("/api/attachments/" + id + "/lines?from=201&count=100", this.admin.token()).body();
		assertThat(last.get("lines")).hasSize(50);
		assertThat(last.get("lines").get(49).asString()).endsWith("line 250");
		assertThat(last.get("next_from").isNull()).isTrue();

		HttpResponse<byte[]> text = this.multipart.download(log.body().get("download_url").asString(), Map.of());
		assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
		assertThat(this.api.get("/api/attachments/" + pdf.get("id").asString() + "/lines", this.admin.token()).status())
			.isEqualTo(400);
	}

	@Test
	void htmlNamedPngIsRefusedAndNothingIsStored() throws Exception {
		List<String> before = storedKeys();

		Api.Response r = upload(this.admin, "cute-cat.png", SampleFiles.html());

		assertThat(r.status()).isEqualTo(422);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.body().get("reason").asString()).isEqualTo("type-mismatch");
		assertThat(r.body().get("detail").asString()).contains("image/png").contains("text/html");
		assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(before);
		assertThat(this.api.get("/api/bugs/" + this.bugId + "/attachments", this.admin.token()).body().get("items"))
			.isEmpty();
	}

	@Test
	void typesOutsideTheProjectsAllowListAreRefused() throws Exception {
		List<String> before = storedKeys();
		Api.Response html = upload(this.admin, "page.html", SampleFiles.html());
		assertThat(html.status()).isEqualTo(422);
		assertThat(html.body().get("reason").asString()).isEqualTo("type-not-allowed");

		// pdf is allowed by default; a project that allows only images refuses it
		Api.Response put = this.api.put("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token(),
				Api.body("allowed_types", List.of("image"), "retention_days_after_close", null));
		assertThat(put.status()).isEqualTo(200);
		assertThat(upload(this.admin, "report.pdf", SampleFiles.pdf()).body().get("reason").asString())
			.isEqualTo("type-not-allowed");
		assertThat(upload(this.admin, "shot.png", SampleFiles.png(20, 20)).status()).isEqualTo(201);
		assertThat(storedKeys()).hasSize(before.size() + 2); // the PNG and its thumbnail
	}

	@Test
	void activeContentIsOnlyEverServedAsADownload() {
		this.api.put("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token(),
				Api.body("allowed_types", List.of("image", "image/svg+xml", "text/html")));
		JsonNode svg = upload(this.admin, "logo.svg", SampleFiles.svg()).body();
		JsonNode html = upload(this.admin, "page.html", SampleFiles.html()).body();
		for (JsonNode a : List.of(svg, html)) {
			assertThat(a.get("preview").asString()).isEqualTo("download");
			HttpResponse<byte[]> served = this.multipart.download(a.get("download_url").asString(), Map.of());
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
			assertThat(served.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
			assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(served.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
		}
		assertThat(svg.get("mime_type").asString()).isEqualTo("image/svg+xml");
		assertThat(svg.get("has_thumbnail").asBoolean()).isFalse();
	}

	@Test
	void tamperedAndExpiredLinksAreRefusedWith403() {
		JsonNode a = upload(this.admin, "shot.png", SampleFiles.png(30, 30)).body();
		String url = a.get("download_url").asString();
		UUID id = UUID.fromString(a.get("id").asString());

		String tamperedSignature = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
		String longerLife = url.replaceFirst("expires=(\\d+)", "expires=9999999999");
		String otherVariant = url.replace("/content?", "/thumbnail?");
		long past = Instant.now().minusSeconds(5).getEpochSecond();
		String expired = "/api/attachments/" + id + "/content?expires=" + past + "&signature="
				+ this.signedUrls.sign(id, Variant.ORIGINAL, past);
		String noSignature = "/api/attachments/" + id + "/content?expires=" + (past + 3600);

		for (String bad : List.of(tamperedSignature, longerLife, otherVariant, expired)) {
			HttpResponse<byte[]> r = this.multipart.download(bad, Map.of());
			assertThat(r.statusCode()).as(bad).isEqualTo(403);
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		}
		assertThat(this.multipart.download(noSignature, Map.of()).statusCode()).isEqualTo(400);
		assertThat(this.multipart.download(url, Map.of()).statusCode()).isEqualTo(200);
	}

	@Test
	void rangeRequestsServePartsForVideoSeeking() {
		byte[] log = SampleFiles.log(100);
		JsonNode a = upload(this.admin, "app.log", log).body();
		HttpResponse<byte[]> part = this.multipart.download(a.get("download_url").asString(),
				Map.of("Range", "bytes=10-19"));
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(log, 10, 20));
		assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + log.length);
	}

	@Test
	void nonMembersGet404AndViewersMayReadButNotUpload() {
		TestUser stranger = this.api.newUser("stranger");
		TestUser viewer = this.api.newUser("viewer");
		this.api.addMember(this.admin, this.projectKey, viewer, "viewer");
		String id = upload(this.admin, "shot.png", SampleFiles.png(40, 40)).body().get("id").asString();

		assertThat(upload(stranger, "x.png", SampleFiles.png(10, 10)).status()).isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + this.bugId + "/attachments", stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/attachments/" + id, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.delete("/api/attachments/" + id, stranger.token()).status()).isEqualTo(404);
		assertThat(this.api.get("/api/projects/" + this.projectKey + "/attachment-settings", stranger.token()).status())
			.isEqualTo(404);

		Api.Response viewerUpload = upload(viewer, "x.png", SampleFiles.png(10, 10));
		assertThat(viewerUpload.status()).isEqualTo(403);
		assertThat(viewerUpload.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.api.get("/api/bugs/" + this.bugId + "/attachments", viewer.token()).body().get("items"))
			.hasSize(1);
		assertThat(this.api.delete("/api/attachments/" + id, viewer.token()).status()).isEqualTo(403);
		assertThat(this.api
			.put("/api/projects/" + this.projectKey + "/attachment-settings", viewer.token(),
					Api.body("allowed_types", List.of("image")))
			.status()).isEqualTo(403);
		assertThat(this.api.get("/api/bugs/" + this.bugId + "/attachments", null).status()).isEqualTo(401);
	}

	@Test
	void theUploaderOrAnAdminDeletesAndTheStoredBytesGoWithIt() throws Exception {
		TestUser dev = this.api.newUser("dev");
		TestUser otherDev = this.api.newUser("dev2");
		this.api.addMember(this.admin, this.projectKey, dev, "developer");
		this.api.addMember(this.admin, this.projectKey, otherDev, "developer");
		JsonNode mine = upload(dev, "mine.png", SampleFiles.png(50, 50)).body();
		JsonNode theirs = upload(dev, "theirs.png", SampleFiles.png(50, 50)).body();
		int before = storedKeys().size();

		assertThat(this.api.delete("/api/attachments/" + mine.get("id").asString(), otherDev.token()).status())
			.isEqualTo(403);
		assertThat(this.api.delete("/api/attachments/" + mine.get("id").asString(), dev.token()).status())
			.isEqualTo(204);
		assertThat(this.api.delete("/api/attachments/" + theirs.get("id").asString(), this.admin.token()).status())
			.isEqualTo(204);

		assertThat(storedKeys()).hasSize(before - 4); // two originals, two thumbnails,
														// removed after commit
		assertThat(this.multipart.download(mine.get("download_url").asString(), Map.of()).statusCode()).isEqualTo(404);
		assertThat(this.api.get("/api/attachments/" + mine.get("id").asString(), dev.token()).status()).isEqualTo(404);
	}

	@Test
	void namesAreMadeSafeAndUnicodeSurvives() {
		Api.Response traversal = upload(this.admin, "../../etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8));
		assertThat(traversal.status()).isEqualTo(201);
		assertThat(traversal.body().get("filename").asString()).isEqualTo("passwd");

		Api.Response windows = upload(this.admin, "..\\..\\boot.ini", "[boot]".getBytes(StandardCharsets.UTF_8));
		assertThat(windows.body().get("filename").asString()).isEqualTo("boot.ini");

		String unicode = "Bildschirmfoto 截图 ünïcødé.png";
		Api.Response named = upload(this.admin, unicode, SampleFiles.png(12, 12));
		assertThat(named.body().get("filename").asString()).isEqualTo(unicode);
		HttpResponse<byte[]> served = this.multipart.download(named.body().get("download_url").asString(), Map.of());
		assertThat(served.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");

		Api.Response control = upload(this.admin, "evil\u202Egnp.exe\u0007.txt", "hi".getBytes(StandardCharsets.UTF_8));
		assertThat(control.body().get("filename").asString()).isEqualTo("evilgnp.exe.txt");

		Api.Response dots = upload(this.admin, "...", "hi".getBytes(StandardCharsets.UTF_8));
		assertThat(dots.body().get("filename").asString()).isEqualTo("attachment");
	}

	@Test
	void emptyFilesAndMissingPartsAreClearErrors() {
		Api.Response empty = upload(this.admin, "empty.txt", new byte[0]);
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(empty.body().get("errors").get(0).get("message").asString()).contains("empty");

		Api.Response missing = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"document", "x.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("file");

		Api.Response json = this.api.post("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				Map.of("file", "not a file"));
		assertThat(json.status()).isIn(400, 415);
		assertThat(json.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void commentAttachmentsFollowTheCommentsVisibility() {
		TestUser viewer = this.api.newUser("viewer");
		this.api.addMember(this.admin, this.projectKey, viewer, "viewer");
		String internal = this.api
			.post("/api/bugs/" + this.bugId + "/comments", this.admin.token(),
					Map.of("content", "secret stack trace", "is_internal", true))
			.body()
			.get("id")
			.asString();
		String open = this.api
			.post("/api/bugs/" + this.bugId + "/comments", this.admin.token(), Map.of("content", "see log"))
			.body()
			.get("id")
			.asString();

		Api.Response onInternal = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"file", "trace.log", SampleFiles.log(3), Map.of("comment_id", internal));
		Api.Response onOpen = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"file", "app.log", SampleFiles.log(3), Map.of("comment_id", open));
		assertThat(onInternal.status()).isEqualTo(201);
		assertThat(onInternal.body().get("comment_id").asString()).isEqualTo(internal);

		JsonNode seenByViewer = this.api.get("/api/bugs/" + this.bugId + "/attachments", viewer.token()).body();
		assertThat(seenByViewer.get("items")).hasSize(1);
		assertThat(seenByViewer.get("items").get(0).get("id").asString()).isEqualTo(onOpen.body().get("id").asString());
		assertThat(this.api.get("/api/attachments/" + onInternal.body().get("id").asString(), viewer.token()).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/bugs/" + this.bugId + "/attachments", this.admin.token()).body().get("items"))
			.hasSize(2);

		String otherBug = this.api.newBug(this.admin, this.projectKey, "Other", "low").get("id").asString();
		Api.Response foreignComment = this.multipart.upload("/api/bugs/" + otherBug + "/attachments",
				this.admin.token(), "file", "a.log", SampleFiles.log(1), Map.of("comment_id", open));
		assertThat(foreignComment.status()).isEqualTo(400);
	}

	@Test
	void anAnnotatedCopyLinksToItsOriginalWhichStays() {
		String original = upload(this.admin, "shot.png", SampleFiles.png(300, 200)).body().get("id").asString();
		Api.Response annotated = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"file", "shot-annotated.png", SampleFiles.png(300, 200), Map.of("annotation_of", original));
		assertThat(annotated.status()).isEqualTo(201);
		assertThat(annotated.body().get("annotation_of").asString()).isEqualTo(original);
		assertThat(this.api.get("/api/attachments/" + original, this.admin.token()).status()).isEqualTo(200);

		String pdf = upload(this.admin, "r.pdf", SampleFiles.pdf()).body().get("id").asString();
		Api.Response ofPdf = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"file", "x.png", SampleFiles.png(10, 10), Map.of("annotation_of", pdf));
		assertThat(ofPdf.status()).isEqualTo(400);
		assertThat(ofPdf.body().get("errors").get(0).get("field").asString()).isEqualTo("annotation_of");
	}

	@Test
	void settingsAreValidatedAndOnlyForAdminsToChange() {
		JsonNode defaults = this.api
			.get("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token())
			.body();
		assertThat(defaults.get("allowed_types")).hasSize(6);
		assertThat(defaults.get("retention_days_after_close").isNull()).isTrue();

		Api.Response bad = this.api.put("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token(),
				Api.body("allowed_types", List.of("exe files")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("allowed_types");

		Api.Response ok = this.api.put("/api/projects/" + this.projectKey + "/attachment-settings", this.admin.token(),
				Api.body("allowed_types", List.of("image", "PDF"), "retention_days_after_close", 30));
		assertThat(ok.body().get("allowed_types").toString()).isEqualTo("[\"image\",\"pdf\"]");
		assertThat(ok.body().get("retention_days_after_close").asInt()).isEqualTo(30);

		JsonNode status = this.api.get("/api/projects/" + this.projectKey + "/attachment-status", this.admin.token())
			.body();
		assertThat(status.get("scanning_enabled").asBoolean()).isFalse();
		assertThat(status.get("storage_backend").asString()).isEqualTo("local");
		assertThat(status.get("max_file_size").asLong()).isEqualTo(25L * 1024 * 1024);
	}

}
