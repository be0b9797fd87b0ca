package dev.fixpoint.attachments;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.platform.CurrentUser;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 25 MB limit (declared and while streaming) and the per-organization quota. */
class UploadLimitsTest extends IntegrationTest {

	static final long MAX = 25L * 1024 * 1024;

	@Autowired
	ObjectStorage storage;

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcClient jdbc;

	Multipart multipart;

	TestUser admin;

	JsonNode project;

	String bugId;

	@BeforeEach
	void setUp() {
		this.multipart = new Multipart(baseUrl(), this.json);
		this.admin = this.api.newUser("limits");
		this.project = this.api.newProject(this.admin);
		this.bugId = this.api.newBug(this.admin, this.project.get("key").asString(), "Big logs", "low")
			.get("id")
			.asString();
	}

	private CurrentUser current() {
		return new CurrentUser(this.admin.id(), this.admin.email(), this.admin.username(), this.admin.name());
	}

	private List<String> storedKeys() throws Exception {
		List<String> keys = new ArrayList<>();
		this.storage.forEach(o -> keys.add(o.key()));
		return keys;
	}

	/** {@code size} bytes of log text, generated while read: never in memory. */
	static InputStream logOf(long size) {
		byte[] line = "2026-11-25 INFO everything is fine\n".getBytes(StandardCharsets.US_ASCII);
		return new InputStream() {
			long position;

			@Override
			public int read() {
				return this.position < size ? line[(int) (this.position++ % line.length)] : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (this.position >= size) {
					return -1;
				}
				int n = (int) Math.min(len, size - this.position);
				for (int i = 0; i < n; i++) {
					b[off + i] = line[(int) ((this.position + i) % line.length)];
				}
				this.position += n;
				return n;
			}
		};
	}

	@Test
	void aDeclaredOversizeUploadGets413BeforeItsBodyIsSent() throws Exception {
		long size = MAX + 1024 * 1024;
		// a raw HTTP/1.1 request: headers only, no body byte is ever sent
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(60_000);
			String head = "POST /api/bugs/" + this.bugId + "/attachments HTTP/1.1\r\n" + "Host: localhost\r\n"
					+ "Authorization: Bearer " + this.admin.token() + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=xyz\r\n" + "Content-Length: " + size + "\r\n"
					+ "Expect: 100-continue\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(response).startsWith("HTTP/1.1 413");
			assertThat(response).doesNotContain("100 Continue");
			assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).contains("\"reason\":\"file-too-large\"").contains("25.0 MB");
		}
	}

	@Test
	void aChunkedUploadOfUnknownLengthIsCutAtTheLimitWith413() throws Exception {
		List<String> before = storedKeys();
		String boundary = "xyz";
		byte[] head = ("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.log\"\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		java.net.http.HttpRequest request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(baseUrl() + "/api/bugs/" + this.bugId + "/attachments"))
			.header("Authorization", "Bearer " + this.admin.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
					java.util.Collections.enumeration(List.of(new java.io.ByteArrayInputStream(head), logOf(MAX + 1),
							new java.io.ByteArrayInputStream(tail))))))
			.build();

		Api.Response r = this.multipart.send(request);

		assertThat(r.status()).isEqualTo(413);
		assertThat(r.header("Content-Type")).as(r.headers() + " " + r.raw()).startsWith("application/problem+json");
		assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void aStreamThatTurnsOutLargerThanTheLimitIsCutAndNothingIsStored() throws Exception {
		List<String> before = storedKeys();

		assertThatThrownBy(
				() -> this.attachments.upload(current(), this.bugId, null, null, "huge.log", logOf(MAX + 1), -1))
			.isInstanceOfSatisfying(TooLargeException.class,
					ex -> assertThat(ProblemMapping.statusOf(ex).value()).isEqualTo(413));

		assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(before);
	}

	@Test
	void exactlyTheLimitIsAccepted() {
		Attachment a = this.attachments.upload(current(), this.bugId, null, null, "full.log", logOf(MAX), -1);
		assertThat(a.fileSize()).isEqualTo(MAX);
		assertThat(a.preview()).isEqualTo(PreviewKind.TEXT);
	}

	@Test
	void anOrganizationOverItsQuotaGets413AndNothingIsStored() throws Exception {
		UUID orgId = UUID.fromString(this.project.get("org_id").asString());
		UUID filler = UUID.randomUUID();
		long quota = 10L * 1024 * 1024 * 1024;
		this.jdbc.sql("""
				insert into attachments (id, bug_id, project_id, org_id, filename, mime_type, file_size, object_key,
				    uploaded_by, created_at)
				values (:id, :bug, :project, :org, 'filler.bin', 'application/zip', :size, :key, :user, now())
				""")
			.param("id", filler)
			.param("bug", UUID.fromString(this.bugId))
			.param("project", UUID.fromString(this.project.get("id").asString()))
			.param("org", orgId)
			.param("size", quota - 1000)
			.param("key", UUID.randomUUID().toString())
			.param("user", this.admin.id())
			.update();
		List<String> before = storedKeys();

		Api.Response declared = this.multipart.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(),
				"notes.txt", new byte[2000]);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.body().get("reason").asString()).isEqualTo("quota-exceeded");
		assertThat(declared.body().get("detail").asString()).contains("storage is full");

		// unknown length: passes the early check, refused when the row is written, the
		// stored bytes removed
		assertThatThrownBy(
				() -> this.attachments.upload(current(), this.bugId, null, null, "notes.log", logOf(5000), -1))
			.isInstanceOfSatisfying(TooLargeException.class,
					ex -> assertThat(ex.properties().get("reason")).isEqualTo("quota-exceeded"));
		assertThat(storedKeys()).containsExactlyInAnyOrderElementsOf(before);

		assertThat(this.multipart
			.upload("/api/bugs/" + this.bugId + "/attachments", this.admin.token(), "small.txt",
					"fits".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		this.jdbc.sql("delete from attachments where id = :id").param("id", filler).update();
	}

}
