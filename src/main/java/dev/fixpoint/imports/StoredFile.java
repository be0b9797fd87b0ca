package dev.fixpoint.imports;

import java.io.InputStream;
import java.util.UUID;

/**
 * An uploaded file read back from its stored pieces, one piece (1 MiB) in memory at a
 * time; every node can read it, as often as a job needs.
 */
final class StoredFile extends InputStream {

	private final ImportJobRepository jobs;

	private final UUID jobId;

	private final int chunks;

	private int nextChunk;

	private byte[] current = new byte[0];

	private int position;

	StoredFile(ImportJobRepository jobs, UUID jobId) {
		this.jobs = jobs;
		this.jobId = jobId;
		this.chunks = jobs.chunkCount(jobId);
	}

	private boolean fill() {
		while (this.position >= this.current.length) {
			if (this.nextChunk >= this.chunks) {
				return false;
			}
			this.current = this.jobs.chunk(this.jobId, this.nextChunk++);
			this.position = 0;
		}
		return true;
	}

	@Override
	public int read() {
		return fill() ? this.current[this.position++] & 0xFF : -1;
	}

	@Override
	public int read(byte[] b, int off, int len) {
		if (len == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int n = Math.min(len, this.current.length - this.position);
		System.arraycopy(this.current, this.position, b, off, n);
		this.position += n;
		return n;
	}

}
