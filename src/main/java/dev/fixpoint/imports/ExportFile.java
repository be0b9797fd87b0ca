package dev.fixpoint.imports;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A job's uploaded file as the import reads it: the file itself, or, when it is a zip (an
 * export with its attachments), the first {@code .csv} or {@code .json} file in it.
 * Streamed either way, one stored piece in memory at a time.
 */
final class ExportFile {

	private ExportFile() {
	}

	static InputStream open(ImportJobRepository jobs, UUID jobId) throws IOException {
		BufferedInputStream raw = new BufferedInputStream(new StoredFile(jobs, jobId), 1 << 16);
		if (!isZip(raw)) {
			return raw;
		}
		ZipInputStream zip = new ZipInputStream(raw);
		for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
			String name = entry.getName().toLowerCase(Locale.ROOT);
			if (!entry.isDirectory() && !name.startsWith("__macosx/")
					&& (name.endsWith(".csv") || name.endsWith(".json"))) {
				return zip;
			}
		}
		zip.close();
		throw new RowReader.BrokenFileException("The zip file has no .csv or .json export in it", null);
	}

	/** Whether the stream starts like a zip file (it is left where it was). */
	static boolean isZip(BufferedInputStream in) throws IOException {
		in.mark(4);
		byte[] magic = in.readNBytes(4);
		in.reset();
		return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
	}

	/**
	 * A zip entry's path as an export names it: without a leading {@code ./} or
	 * {@code /}.
	 */
	static String path(String name) {
		return name.replace('\\', '/').replaceFirst("^(\\./|/)+", "");
	}

	/** The current entry of a zip, for a reader that closes what it reads. */
	static InputStream entry(ZipInputStream zip) {
		return new FilterInputStream(zip) {
			@Override
			public void close() {
				// the zip goes on to its next entry
			}
		};
	}

}
