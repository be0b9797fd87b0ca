package dev.fixpoint.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

import dev.fixpoint.attachments.storage.ObjectStorage;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored bytes as a backup sees them: the object keys the rows refer to, the objects
 * themselves, and a pause of every deletion of objects while a backup copies them.
 * Objects are immutable: a key is a fresh random UUID written once (an upload, its
 * thumbnail), never overwritten, and removed only by {@link Purges} (after its row was
 * deleted) or the orphan sweep ({@link AttachmentHousekeeping}).
 */
public final class StoredObjects {

	/**
	 * The lock purges and the sweep hold shared (each in its transaction, with
	 * {@code try}: they skip a run rather than wait) and a backup holds exclusively.
	 */
	static final String PURGE_LOCK = "hashtextextended('attachments-purges', 7)";

	private final DataSource dataSource;

	private final ObjectStorage storage;

	public StoredObjects(DataSource dataSource, ObjectStorage storage) {
		this.dataSource = dataSource;
		this.storage = storage;
	}

	/**
	 * Every key a row refers to (originals and thumbnails), read in the caller's
	 * transaction on this data source, so a repeatable-read snapshot sees exactly its
	 * own.
	 */
	public List<String> referencedKeys() {
		return JdbcClient.create(this.dataSource).sql("""
				select object_key from attachments
				union all
				select thumbnail_key from attachments where thumbnail_key is not null
				order by 1
				""").query(String.class).list();
	}

	public InputStream open(String key) throws IOException {
		return this.storage.open(key);
	}

	public boolean exists(String key) throws IOException {
		return this.storage.exists(key);
	}

	/** Stores {@code size} bytes under {@code key}, replacing what was there. */
	public long store(String key, InputStream content, long size) throws IOException {
		return this.storage.store(key, content, size);
	}

	public void delete(String key) throws IOException {
		this.storage.delete(key);
	}

	/** {@code local} or {@code s3}. */
	public String backend() {
		return this.storage.backend();
	}

	/**
	 * Stops every node from deleting stored objects until the pause is closed: waits for
	 * running purges and sweeps, then makes new ones skip (their work stays queued in
	 * {@code attachment_purges} and is done on the next run). Taken before a backup's
	 * snapshot, so an object whose row the snapshot holds is still there when the backup
	 * copies it, even if the row is deleted meanwhile.
	 */
	public Pause pausePurges() {
		try {
			Connection connection = this.dataSource.getConnection();
			try (Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("select pg_advisory_lock(" + PURGE_LOCK + ")");
			}
			catch (SQLException ex) {
				connection.close();
				throw ex;
			}
			return new Pause(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not pause the purge of attachments", ex);
		}
	}

	/** Held on a connection of its own; closing it lets purges run again. */
	public static final class Pause implements AutoCloseable {

		private final Connection connection;

		private Pause(Connection connection) {
			this.connection = connection;
		}

		@Override
		public void close() {
			try (Connection c = this.connection; Statement statement = c.createStatement()) {
				statement.execute("select pg_advisory_unlock(" + PURGE_LOCK + ")");
			}
			catch (SQLException ex) {
				// closing the connection releases a session lock anyway
			}
		}

	}

}
