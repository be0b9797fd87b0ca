package dev.fixpoint.backup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

import dev.fixpoint.attachments.StoredObjects;
import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import dev.fixpoint.support.Multipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A populated installation is backed up, restored into an empty database and an empty
 * attachment directory, and compared table by table (row count and a hash over every
 * column, for every table the catalog lists: a new table cannot slip through) and object
 * by object.
 */
class BackupRestoreTest extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	StoredObjects objects;

	@Autowired
	Clock applicationClock;

	@Autowired
	Backups backups;

	@TempDir
	Path dir;

	@Test
	void aRestoredInstallationHasEveryRowAndEveryObjectOfTheBackedUpOne() throws Exception {
		populate();
		Map<String, String> tables = Installations.fingerprints(this.dataSource);
		Map<String, String> stored = Installations.objects(this.dataSource, this.objects);

		Path archive = this.dir.resolve("fixpoint.backup");
		Manifest manifest = this.backups.backup(archive);
		Map<String, String> after = new java.util.TreeMap<>(Installations.fingerprints(this.dataSource));
		assertThat(after.remove("backup_runs")).as("the backup's own record").isNotEqualTo(tables.get("backup_runs"));
		assertThat(after).as("nothing else wrote meanwhile").isEqualTo(withoutRuns(tables));

		try (Installations.Empty empty = Installations.empty(this.dataSource, this.dir.resolve("restored"))) {
			restore(empty).from(archive, false);

			assertThat(manifest.tables()).extracting(Manifest.TableEntry::name)
				.containsExactlyInAnyOrderElementsOf(Installations.tables(this.dataSource)
					.stream()
					.filter(t -> !t.equals(DatabaseSchema.HISTORY_TABLE))
					.toList());
			Map<String, String> restored = Installations.fingerprints(empty.dataSource());
			assertThat(restored.keySet()).containsExactlyElementsOf(tables.keySet());
			tables.forEach((table, fingerprint) -> assertThat(restored.get(table)).as(table).isEqualTo(fingerprint));
			assertThat(tables).allSatisfy((table, fingerprint) -> assertThat(fingerprint).isNotBlank());
			assertThat(tables.get("attachments")).doesNotStartWith("0 rows");
			assertThat(tables.get("spring_session")).doesNotStartWith("0 rows");

			assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
			assertThat(Installations.objects(empty.dataSource(), empty.objects())).isEqualTo(stored);
			assertThat(manifest.objects()).extracting(Manifest.ObjectEntry::key)
				.containsExactlyInAnyOrderElementsOf(stored.keySet());
			assertThat(manifest.missingObjects()).isEmpty();
		}
	}

	@Test
	void aDatabaseHoldingRowsIsRefusedAndLeftAlone() throws Exception {
		populate();
		Path archive = this.dir.resolve("fixpoint.backup");
		this.backups.backup(archive);
		Map<String, String> before = Installations.fingerprints(this.dataSource);

		assertThatThrownBy(() -> this.backups.restore(archive, false)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("the database is not empty")
			.hasMessageContaining("--force");
		assertThat(Installations.fingerprints(this.dataSource)).isEqualTo(before);
	}

	@Test
	void aCorruptArchiveIsRefusedAndLeavesNothingBehind() throws Exception {
		int systemActors = dev.fixpoint.accounts.SystemActor.values().length;
		populate();
		Path archive = this.dir.resolve("fixpoint.backup");
		this.backups.backup(archive);
		Path tampered = this.dir.resolve("tampered.backup");
		rewrite(archive, tampered, "tables/bugs.copy", bytes -> {
			String text = new String(bytes, StandardCharsets.UTF_8);
			return text.replaceFirst("Checkout", "Checkin").getBytes(StandardCharsets.UTF_8);
		});
		Path truncated = this.dir.resolve("truncated.backup");
		Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(archive), 4000));
		Path notAZip = Files.writeString(this.dir.resolve("notes.txt"), "not an archive");

		try (Installations.Empty empty = Installations.empty(this.dataSource, this.dir.resolve("restored"))) {
			assertThatThrownBy(() -> restore(empty).from(tampered, false)).isInstanceOf(BackupRefusedException.class)
				.hasMessage("the archive is corrupt: tables/bugs.copy does not match its checksum");
			assertThat(Installations.fingerprints(empty.dataSource()))
				.allSatisfy((table, fingerprint) -> assertThat(table.startsWith("sequence")
						|| table.equals("flyway_schema_history") || fingerprint.startsWith("0 rows")
						// the migrations' own rows: the system actors
						|| table.equals("users") && fingerprint.startsWith(systemActors + " rows"))
					.as(table)
					.isTrue());
			try (var files = Files.walk(empty.attachments())) {
				assertThat(files.filter(Files::isRegularFile)).isEmpty();
			}
			assertThatThrownBy(() -> restore(empty).from(truncated, false)).isInstanceOf(BackupRefusedException.class)
				.hasMessageContaining("is not a Fixpoint backup");
			assertThatThrownBy(() -> restore(empty).from(notAZip, false)).isInstanceOf(BackupRefusedException.class)
				.hasMessageContaining("is not a Fixpoint backup");
			assertThatThrownBy(() -> restore(empty).from(this.dir.resolve("missing.backup"), false))
				.isInstanceOf(BackupRefusedException.class)
				.hasMessageEndingWith("missing.backup: no such file");
		}
	}

	@Test
	void anArchiveOfANewerSchemaIsRefused() throws Exception {
		Path archive = this.dir.resolve("fixpoint.backup");
		this.backups.backup(archive);
		Path newer = this.dir.resolve("newer.backup");
		rewrite(archive, newer, Manifest.ENTRY,
				bytes -> new String(bytes, StandardCharsets.UTF_8)
					.replaceFirst("\"schema_version\" : \"[0-9.]+\"", "\"schema_version\" : \"999\"")
					.getBytes(StandardCharsets.UTF_8));

		try (Installations.Empty empty = Installations.empty(this.dataSource, this.dir.resolve("restored"))) {
			assertThatThrownBy(() -> restore(empty).from(newer, false)).isInstanceOf(BackupRefusedException.class)
				.hasMessageStartingWith("the backup's schema version 999 is newer than this Fixpoint's");
			assertThat(Installations.tables(empty.dataSource())).isEmpty();
		}
	}

	@Test
	void anExistingArchiveIsNeverOverwritten() throws Exception {
		Path archive = Files.writeString(this.dir.resolve("fixpoint.backup"), "an older backup");
		assertThatThrownBy(() -> this.backups.backup(archive)).isInstanceOf(BackupRefusedException.class)
			.hasMessageContaining("already exists");
		assertThat(Files.readString(archive)).isEqualTo("an older backup");
	}

	private Restore restore(Installations.Empty empty) {
		return new Restore(empty.dataSource(), empty.objects(),
				new Migrations(empty.dataSource(), "classpath:db/migration"), this.json);
	}

	/**
	 * Users, a project, bugs with history, comments, attachments, notifications, a
	 * session.
	 */
	private void populate() {
		this.api.ensureSetUp();
		TestUser admin = this.api.newUser("Backup");
		TestUser dev = this.api.newUser("Dev");
		String key = this.api.newProject(admin).get("key").asString();
		this.api.addMember(admin, key, dev, "developer");
		List<String> bugs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			bugs.add(this.api.newBug(admin, key, "Checkout fails " + i, "high").get("key").asString());
		}
		assertThat(this.api
			.patch("/api/bugs/" + bugs.get(0), admin.token(),
					Map.of("title", "Checkout fails on Safari", "assignee_id", dev.id().toString(), "priority", "P1"))
			.status()).isEqualTo(200);
		assertThat(this.api
			.post("/api/bugs/" + bugs.get(0) + "/comments", dev.token(),
					Map.of("content", "Seen it @" + admin.username()))
			.status()).isEqualTo(201);
		Multipart multipart = new Multipart(baseUrl(), this.json);
		assertThat(multipart.upload("/api/bugs/" + bugs.get(0) + "/attachments", admin.token(), "shot.png", png())
			.status()).isEqualTo(201);
		assertThat(multipart
			.upload("/api/bugs/" + bugs.get(1) + "/attachments", dev.token(), "server.log",
					"line one\nline two\n".getBytes(StandardCharsets.UTF_8))
			.status()).isEqualTo(201);
		BrowserSession.signedIn(baseUrl(), this.api, dev);
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		image.setRGB(10, 10, 0xff0000);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Copies an archive, changing one entry's bytes. */
	private static void rewrite(Path from, Path to, String entry, java.util.function.UnaryOperator<byte[]> change)
			throws IOException {
		try (ZipFile in = new ZipFile(from.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				byte[] bytes = in.getInputStream(e).readAllBytes();
				out.putNextEntry(new ZipEntry(e.getName()));
				out.write(e.getName().equals(entry) ? change.apply(bytes) : bytes);
				out.closeEntry();
			}
		}
	}

	private static Map<String, String> withoutRuns(Map<String, String> tables) {
		Map<String, String> copy = new java.util.TreeMap<>(tables);
		copy.remove("backup_runs");
		return copy;
	}

}
