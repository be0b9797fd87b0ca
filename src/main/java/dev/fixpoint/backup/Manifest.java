package dev.fixpoint.backup;

import java.time.Instant;
import java.util.List;

/**
 * What an archive holds, written as its last entry ({@code manifest.json}) and read first
 * by a restore.
 *
 * @param format version of the archive's layout ({@link #FORMAT})
 * @param appVersion the Fixpoint that wrote it
 * @param schemaVersion the Flyway version of the database it was taken from
 * @param createdAt when the snapshot was taken
 * @param storage where the objects came from ({@code local} or {@code s3})
 * @param tables every table's entry, in the order a restore loads them
 * @param sequences every sequence with its value
 * @param objects every stored object the snapshot's rows refer to
 * @param missingObjects keys the rows refer to whose object was not in the store
 */
public record Manifest(int format, String appVersion, String schemaVersion, Instant createdAt, String storage,
		List<TableEntry> tables, List<SequenceEntry> sequences, List<ObjectEntry> objects,
		List<String> missingObjects) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	public long rows() {
		return this.tables.stream().mapToLong(TableEntry::rows).sum();
	}

	public long objectBytes() {
		return this.objects.stream().mapToLong(ObjectEntry::size).sum();
	}

	/** A table's rows in PostgreSQL's COPY text format, one line a row. */
	public record TableEntry(String name, List<String> columns, String entry, long rows, long bytes, String sha256) {
	}

	/**
	 * A sequence's definition and value; {@code owned} ones belong to a column (identity)
	 * and come with the migrations, the others (per-project bug numbers) are created by
	 * the restore.
	 */
	public record SequenceEntry(String name, String type, long start, long increment, long min, long max, boolean cycle,
			boolean owned, long lastValue, boolean called) {

		SequenceEntry withValue(long value, boolean isCalled) {
			return new SequenceEntry(this.name, this.type, this.start, this.increment, this.min, this.max, this.cycle,
					this.owned, value, isCalled);
		}

	}

	/** A stored object's bytes, under {@code objects/<key>}. */
	public record ObjectEntry(String key, long size, String sha256) {

		String entry() {
			return "objects/" + this.key;
		}

	}

}
