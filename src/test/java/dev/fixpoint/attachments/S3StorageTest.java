package dev.fixpoint.attachments;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.attachments.storage.S3Storage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store against a real S3-compatible server: Adobe's S3Mock, started from its
 * executable jar as a separate JVM on a free port (Docker is not available here),
 * speaking the S3 REST protocol over HTTP.
 */
class S3StorageTest {

	private static Process server;

	private static Path root;

	private static S3Storage storage;

	@BeforeAll
	static void startS3Mock() throws Exception {
		Path jar = Paths.get(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
		assertThat(jar).as("run through Maven: it copies S3Mock's jar to target/s3mock").exists();
		root = Files.createTempDirectory("s3mock-");
		int httpPort = freePort();
		int httpsPort = freePort();
		Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
		server = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "--http.port=" + httpPort,
				"--server.port=" + httpsPort, "--com.adobe.testing.s3mock.store.root=" + root,
				"--com.adobe.testing.s3mock.store.initial-buckets=fixpoint", "--logging.level.root=warn")
			.redirectErrorStream(true)
			.redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
			.start();
		awaitBucket("http://localhost:" + httpPort);
		storage = new S3Storage(new S3Storage.Settings("http://localhost:" + httpPort, "fixpoint", "us-east-1",
				"test-access-key", "test-secret-key", true, "attachments/"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Waits until the server lists the bucket (start-up takes seconds on a busy machine;
	 * no fixed sleep).
	 */
	private static void awaitBucket(String endpoint) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(giveUp)) {
			assertThat(server.isAlive()).as("S3Mock exited, see its log next to " + root).isTrue();
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200 && r.body().contains("<Name>fixpoint</Name>")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("S3Mock did not start");
	}

	@AfterAll
	static void stopS3Mock() throws Exception {
		if (storage != null) {
			storage.close();
		}
		if (server != null) {
			server.destroy();
			if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	@Test
	void storesReadsListsAndDeletesObjects() throws Exception {
		byte[] bytes = new byte[3 * 1024 * 1024 + 17];
		new Random(42).nextBytes(bytes);
		String key = UUID.randomUUID().toString();

		assertThat(storage.store(key, new java.io.ByteArrayInputStream(bytes), bytes.length)).isEqualTo(bytes.length);
		assertThat(storage.exists(key)).isTrue();
		try (InputStream in = storage.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}

		// unknown length (a chunked upload): spooled, then stored whole
		String thumb = key + ".thumb";
		assertThat(storage.store(thumb, new java.io.ByteArrayInputStream(new byte[] { 1, 2, 3 }), -1)).isEqualTo(3);

		List<ObjectStorage.StoredObject> listed = new ArrayList<>();
		storage.forEach(listed::add);
		assertThat(listed).extracting(ObjectStorage.StoredObject::key).contains(key, thumb);
		assertThat(listed).filteredOn(o -> o.key().equals(key))
			.first()
			.satisfies(o -> assertThat(o.size()).isEqualTo(bytes.length));

		storage.delete(key);
		storage.delete(thumb);
		storage.delete(thumb); // already gone: not an error
		assertThat(storage.exists(key)).isFalse();
		assertThatThrownBy(() -> storage.open(key)).isInstanceOf(FileNotFoundException.class);
		assertThat(storage.backend()).isEqualTo("s3");
	}

	@Test
	void keysThatAreNotOurUuidsAreRefused() {
		assertThatThrownBy(() -> storage.store("../../etc/passwd", InputStream.nullInputStream(), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> storage.open("http://elsewhere/x")).isInstanceOf(IllegalArgumentException.class);
	}

}
