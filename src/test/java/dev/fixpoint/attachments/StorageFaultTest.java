package dev.fixpoint.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Uploads while the filesystem store really fails underneath the running application: a
 * store directory that is no longer a directory, one that is read-only, a full filesystem
 * (a 64 KB tmpfs mounted over it), and a database commit that fails after the bytes were
 * stored. Each time the uploader gets a problem (503 or 507, or the page's inline
 * message) and rows and stored objects stay consistent: counted before and after. S3's
 * faults: {@link S3StorageFaultTest}.
 */
class StorageFaultTest extends IntegrationTest {

	private static final Map<String, String> HTMX = Map.of("HX-Request", "true");

	@Autowired
	ObjectStorage storage;

	@Autowired
	AttachmentProperties properties;

	@Autowired
	AttachmentHousekeeping housekeeping;

	@Autowired
	JdbcClient jdbc;

	Multipart multipart;

	TestUser ann;

	String bugKey;

	Path root;

	@BeforeEach
	void aBugToAttachTo() {
		this.multipart = new Multipart(baseUrl(), this.json);
		this.ann = this.api.newUser("faults");
		String project = this.api.newProject(this.ann).get("key").asString();
		this.bugKey = this.api.newBug(this.ann, project, "Upload while the disk fails", "high").get("key").asString();
		this.root = this.properties.localDir().toAbsolutePath().normalize();
	}

	@Test
	void aStoreDirectoryReplacedByAFileAnswers503WithRetryAfterAndStoresNothing() throws Exception {
		Snapshot before = snapshot();

		Api.Response r = whileStoreIsAFile(() -> upload("notes.txt", SampleFiles.log(50)));

		assertThat(r.status()).isEqualTo(503);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.header("Retry-After")).isEqualTo("30");
		assertThat(r.body().get("type").asString()).isEqualTo(StorageUnavailableException.TYPE.toString());
		assertThat(r.body().get("reason").asString()).isEqualTo("storage-unavailable");
		assertThat(r.body().get("detail").asString()).contains("cannot be written right now", "not stored")
			.doesNotContain(this.root.toString());
		assertThat(snapshot()).isEqualTo(before);
		// no restart needed once the directory is back
		assertThat(upload("notes.txt", SampleFiles.log(50)).status()).isEqualTo(201);
	}

	@Test
	void theBugPageShowsTheStoreFailureInlineWithAndWithoutJavaScript() throws Exception {
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, this.ann);
		browser.get("/bugs/" + this.bugKey + "/attachments");
		Snapshot before = snapshot();

		BrowserSession.Page htmx = whileStoreIsAFile(() -> browser.postFile("/bugs/" + this.bugKey + "/attachments",
				"file", "notes.txt", SampleFiles.log(5), true, HTMX));
		BrowserSession.Page plain = whileStoreIsAFile(() -> browser.postFile("/bugs/" + this.bugKey + "/attachments",
				"file", "notes.txt", SampleFiles.log(5), true, Map.of()));

		assertThat(htmx.status()).isEqualTo(503);
		assertThat(htmx.body()).contains("data-upload-error", "cannot be written right now");
		assertThat(plain.status()).isEqualTo(503);
		assertThat(plain.text()).contains("cannot be written right now", "No attachments yet.");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aReadOnlyStoreDirectoryAnswers503() throws Exception {
		List<Path> dirs;
		try (Stream<Path> walk = Files.walk(this.root)) {
			dirs = walk.filter(Files::isDirectory).toList();
		}
		Snapshot before = snapshot();
		Api.Response r;
		try {
			for (Path dir : dirs) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
			}
			// root may write anyway (chmod does not bite): see the tests above for a
			// fault
			// that works for every user
			assumeFalse(Files.isWritable(this.root), "running as root: a read-only directory is still writable");
			r = upload("notes.txt", SampleFiles.log(50));
		}
		finally {
			for (Path dir : dirs) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
			}
		}

		assertThat(r.status()).isEqualTo(503);
		assertThat(r.body().get("reason").asString()).isEqualTo("storage-unavailable");
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aFullFilesystemAnswers507AndLeavesNoPartialFile() throws Exception {
		Snapshot before = snapshot();
		assumeTrue(mountTinyTmpfs(), "cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
		Api.Response r;
		List<Path> leftovers;
		try {
			r = upload("big.log", SampleFiles.log(10_000)); // ~370 KB into 64 KB
			try (Stream<Path> walk = Files.walk(this.root)) {
				leftovers = walk.filter(Files::isRegularFile).toList();
			}
		}
		finally {
			unmount();
		}

		assertThat(r.status()).isEqualTo(507);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.body().get("type").asString()).isEqualTo(StorageFullException.TYPE.toString());
		assertThat(r.body().get("reason").asString()).isEqualTo("storage-full");
		assertThat(r.body().get("detail").asString()).contains("storage is full", "not stored");
		assertThat(leftovers).as("nothing left on the full filesystem").isEmpty();
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aFailedInsertRemovesTheStoredObjectAtOnce() throws Exception {
		Snapshot before = snapshot();
		Api.Response r = withTrigger("before insert", "insert-fails.txt",
				() -> upload("insert-fails.txt", SampleFiles.log(5)));

		assertThat(r.status()).isEqualTo(500);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aFailedCommitLeavesTheObjectToTheSweepWhichRemovesItOnceNoRowRefersToIt() throws Exception {
		Snapshot before = snapshot();
		// a deferred constraint trigger fails the transaction at COMMIT, after the insert
		Api.Response r = withTrigger("after insert", "commit-fails.txt",
				() -> upload("commit-fails.txt", SampleFiles.log(5)));

		assertThat(r.status()).isEqualTo(500);
		Snapshot after = snapshot();
		assertThat(after.rows()).isEqualTo(before.rows());
		// the commit's outcome was unknown to the app: it kept the bytes rather than risk
		// a
		// row without them
		Set<String> kept = new HashSet<>(after.objects());
		kept.removeAll(before.objects());
		assertThat(kept).hasSize(1);

		this.housekeeping.sweepOrphans(Instant.now().plus(this.properties.orphanGrace()).plusSeconds(60));

		assertThat(snapshot().objects()).doesNotContainAnyElementsOf(kept);
		assertThat(snapshot().rows()).isEqualTo(before.rows());
	}

	@Test
	void partialFilesLeftByACrashAreSweptAfterTheGracePeriod() throws Exception {
		String key = UUID.randomUUID().toString();
		Path partial = this.root.resolve(key.substring(0, 2)).resolve(key + ".partial");
		Files.createDirectories(partial.getParent());
		Files.write(partial, new byte[] { 1, 2, 3 });
		Files.setLastModifiedTime(partial,
				FileTime.from(Instant.now().minus(this.properties.orphanGrace()).minusSeconds(60)));

		this.housekeeping.sweepOrphans(Instant.now().minus(this.properties.orphanGrace()));

		assertThat(partial).doesNotExist();
	}

	private Api.Response upload(String filename, byte[] content) {
		return this.multipart.upload("/api/bugs/" + this.bugKey + "/attachments", this.ann.token(), filename, content);
	}

	/** Rows of attachments and stored objects (tests run one at a time). */
	record Snapshot(long rows, Set<String> objects) {
	}

	private Snapshot snapshot() throws IOException {
		Set<String> objects = new HashSet<>();
		this.storage.forEach(o -> objects.add(o.key()));
		long rows = this.jdbc.sql("select count(*) from attachments").query(Long.class).single();
		return new Snapshot(rows, objects);
	}

	interface Action<T> {

		T run() throws Exception;

	}

	/** Runs {@code action} while the store's directory is a regular file. */
	private <T> T whileStoreIsAFile(Action<T> action) throws Exception {
		Path aside = this.root.resolveSibling(this.root.getFileName() + ".aside");
		Files.move(this.root, aside);
		try {
			Files.writeString(this.root, "not a directory");
			return action.run();
		}
		finally {
			Files.deleteIfExists(this.root);
			Files.move(aside, this.root);
		}
	}

	/**
	 * Runs {@code action} while a trigger on {@code attachments} raises for rows named
	 * {@code filename}: {@code before insert} fails the statement, {@code after insert}
	 * (deferred) the commit.
	 */
	private <T> T withTrigger(String when, String filename, Action<T> action) throws Exception {
		this.jdbc.sql("""
				create function test_fail_attachment() returns trigger language plpgsql as $$
				begin
				  if new.filename = '%s' then raise exception 'injected failure'; end if;
				  return new;
				end $$""".formatted(filename)).update();
		String trigger = when.startsWith("after")
				? "create constraint trigger test_fail_attachment after insert on attachments "
						+ "deferrable initially deferred for each row execute function test_fail_attachment()"
				: "create trigger test_fail_attachment before insert on attachments "
						+ "for each row execute function test_fail_attachment()";
		this.jdbc.sql(trigger).update();
		try {
			return action.run();
		}
		finally {
			this.jdbc.sql("drop trigger test_fail_attachment on attachments").update();
			this.jdbc.sql("drop function test_fail_attachment()").update();
		}
	}

	private boolean mountTinyTmpfs() throws Exception {
		return run("mount", "-t", "tmpfs", "-o", "size=64k", "fixpoint-test-full", this.root.toString());
	}

	private void unmount() throws Exception {
		assertThat(run("umount", this.root.toString())).as("umount " + this.root).isTrue();
	}

	private static boolean run(String... command) throws Exception {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false; // no such command
		}
	}

}
