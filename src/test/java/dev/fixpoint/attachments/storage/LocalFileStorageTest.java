package dev.fixpoint.attachments.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The filesystem store's failures, from the kernel: {@code /dev/full} answers every write
 * with {@code ENOSPC}, as a full disk does; a path whose parent is a regular file cannot
 * be created, for root too.
 */
class LocalFileStorageTest {

	@TempDir
	Path dir;

	@Test
	void aWriteThatFindsNoSpaceIsAFullStoreAndLeavesNothing() throws Exception {
		Path full = Paths.get("/dev/full");
		assumeTrue(Files.exists(full), "no /dev/full on this system");
		LocalFileStorage storage = new LocalFileStorage(this.dir);
		String key = UUID.randomUUID().toString();
		// the partial file the store writes first is a link to /dev/full
		Path partial = this.dir.resolve(key.substring(0, 2)).resolve(key + ".partial");
		Files.createDirectories(partial.getParent());
		Files.createSymbolicLink(partial, full);

		assertThatThrownBy(() -> storage.store(key, new ByteArrayInputStream(new byte[100_000]), 100_000))
			.isInstanceOfSatisfying(StoreFailure.class,
					ex -> assertThat(ex.reason()).isEqualTo(StoreFailure.Reason.FULL));

		assertThat(storage.exists(key)).isFalse();
		assertThat(partial).doesNotExist();
	}

	@Test
	void aStoreDirectoryThatIsAFileIsUnavailable() throws Exception {
		LocalFileStorage storage = new LocalFileStorage(this.dir.resolve("store"));
		Files.delete(this.dir.resolve("store"));
		Files.writeString(this.dir.resolve("store"), "not a directory");

		assertThatThrownBy(
				() -> storage.store(UUID.randomUUID().toString(), new ByteArrayInputStream(new byte[10]), 10))
			.isInstanceOfSatisfying(StoreFailure.class,
					ex -> assertThat(ex.reason()).isEqualTo(StoreFailure.Reason.UNAVAILABLE));
	}

	@Test
	void aFailureToReadTheUploadIsNotTheStoresAndPassesThroughUnchanged() throws Exception {
		LocalFileStorage storage = new LocalFileStorage(this.dir);
		IOException clientGone = new IOException("client went away");
		InputStream broken = new InputStream() {
			@Override
			public int read() throws IOException {
				throw clientGone;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				throw clientGone;
			}
		};
		String key = UUID.randomUUID().toString();

		assertThatThrownBy(() -> storage.store(key, broken, -1)).isSameAs(clientGone);
		assertThat(storage.exists(key)).isFalse();
	}

}
