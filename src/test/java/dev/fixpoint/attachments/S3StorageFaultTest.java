package dev.fixpoint.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.fixpoint.attachments.storage.S3Storage;
import dev.fixpoint.platform.DomainException;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.platform.web.ProblemResponses;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upload pipeline (real database, quota, rows) on an S3 store that fails: a local
 * HTTP server answering as S3 does when it throttles ({@code 503 SlowDown}) or is full
 * (MinIO's {@code 507 XMinioStorageFull}), and an endpoint where nothing listens (a
 * stopped S3). The problem each becomes is asserted through {@link ProblemResponses}, the
 * same code that answers the API.
 */
class S3StorageFaultTest extends IntegrationTest {

	@Autowired
	Limits limits;

	@Autowired
	JdbcClient jdbc;

	HttpServer server;

	List<String> requests = new CopyOnWriteArrayList<>();

	UploadPipeline.Request request;

	@BeforeEach
	void aBug() {
		TestUser user = this.api.newUser("s3faults");
		JsonNode project = this.api.newProject(user);
		JsonNode bug = this.api.newBug(user, project.get("key").asString(), "Upload to a failing S3", "high");
		this.request = new UploadPipeline.Request(UUID.fromString(bug.get("id").asString()),
				UUID.fromString(project.get("id").asString()), UUID.fromString(project.get("org_id").asString()), null,
				null, "notes.txt", user.id(), bug.get("key").asString(), AttachmentSettings.DEFAULT_TYPES);
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void s3AnsweringSlowDownIs503WithRetryAfterAndNoRow() throws Exception {
		long rows = rows();
		UploadPipeline pipeline = pipelineOn(s3Answering(503, "SlowDown", "Please reduce your request rate."));

		ResponseEntity<?> answer = answerTo(pipeline);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
		assertThat(String.valueOf(answer.getBody())).contains("cannot be written right now")
			.doesNotContain("SlowDown", "localhost");
		assertThat(rows()).isEqualTo(rows);
		assertThat(this.requests).anyMatch(r -> r.startsWith("PUT /fixpoint/attachments/"));
	}

	@Test
	void s3ReportingItsStorageFullIs507AndNoRow() throws Exception {
		long rows = rows();
		UploadPipeline pipeline = pipelineOn(
				s3Answering(507, "XMinioStorageFull", "Storage backend has reached its minimum free drive threshold."));

		ResponseEntity<?> answer = answerTo(pipeline);

		assertThat(answer.getStatusCode().value()).isEqualTo(507);
		assertThat(String.valueOf(answer.getBody())).contains("storage is full");
		assertThat(rows()).isEqualTo(rows);
	}

	@Test
	void aStoppedS3Is503AndNoRow() throws Exception {
		long rows = rows();
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		UploadPipeline pipeline = pipelineOn("http://127.0.0.1:" + closed);

		assertThat(answerTo(pipeline).getStatusCode().value()).isEqualTo(503);
		assertThat(rows()).isEqualTo(rows);
	}

	private ResponseEntity<?> answerTo(UploadPipeline pipeline) {
		byte[] content = SampleFiles.log(20);
		Throwable[] thrown = new Throwable[1];
		assertThatThrownBy(() -> pipeline.upload(this.request, new ByteArrayInputStream(content), content.length))
			.isInstanceOf(DomainException.class)
			.satisfies(ex -> thrown[0] = ex);
		DomainException refusal = (DomainException) thrown[0];
		assertThat(ProblemMapping.of(refusal).status()).isEqualTo(ProblemResponses.entity(refusal).getStatusCode());
		return ProblemResponses.entity(refusal);
	}

	private UploadPipeline pipelineOn(String endpoint) {
		S3Storage storage = new S3Storage(new S3Storage.Settings(endpoint, "fixpoint", "us-east-1", "test-access-key",
				"test-secret-key", true, "attachments/"));
		ClamAvScanner noScanner = new ClamAvScanner(new AttachmentProperties.ClamAv(null, 3310, Duration.ofSeconds(5)));
		return new UploadPipeline(storage, new ContentTypes(), noScanner, this.limits, this.clock);
	}

	/** A local server answering every S3 request with this error, as S3 writes it. */
	private String s3Answering(int status, String code, String message) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
				+ "</Message><RequestId>test</RequestId></Error>")
			.getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/", exchange -> {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			exchange.sendResponseHeaders(status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private long rows() {
		return this.jdbc.sql("select count(*) from attachments").query(Long.class).single();
	}

}
