package dev.fixpoint.attachments;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A client of clamd's {@code INSTREAM} command: the bytes go out in size-prefixed chunks
 * while they are being stored, a zero-length chunk ends the stream, and clamd answers
 * {@code stream: OK} or {@code stream: <signature> FOUND}. Anything else (an error, a
 * closed connection) counts as "not scanned" and the upload is refused: a configured
 * scanner fails closed.
 */
class ClamAvScanner {

	/** What clamd said about one stream. */
	record Verdict(boolean clean, String signature) {
	}

	private final AttachmentProperties.ClamAv settings;

	ClamAvScanner(AttachmentProperties.ClamAv settings) {
		this.settings = settings;
	}

	boolean enabled() {
		return this.settings.enabled();
	}

	/**
	 * Starts a scan; bytes are fed with {@link Scan#write}, the verdict read with
	 * {@link Scan#finish}.
	 */
	Scan start() throws IOException {
		Socket socket = new Socket();
		int timeout = (int) this.settings.timeout().toMillis();
		socket.connect(new InetSocketAddress(this.settings.host(), this.settings.port()), timeout);
		socket.setSoTimeout(timeout);
		Scan scan = new Scan(socket);
		scan.out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
		return scan;
	}

	static final class Scan implements AutoCloseable {

		private static final int CHUNK = 64 * 1024;

		private final Socket socket;

		private final DataOutputStream out;

		private final byte[] buffer = new byte[CHUNK];

		private int buffered;

		private Scan(Socket socket) throws IOException {
			this.socket = socket;
			this.out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(), CHUNK + 8));
		}

		void write(byte[] bytes, int offset, int length) throws IOException {
			while (length > 0) {
				int n = Math.min(length, CHUNK - this.buffered);
				System.arraycopy(bytes, offset, this.buffer, this.buffered, n);
				this.buffered += n;
				offset += n;
				length -= n;
				if (this.buffered == CHUNK) {
					flushChunk();
				}
			}
		}

		private void flushChunk() throws IOException {
			if (this.buffered > 0) {
				this.out.writeInt(this.buffered);
				this.out.write(this.buffer, 0, this.buffered);
				this.buffered = 0;
			}
		}

		Verdict finish() throws IOException {
			flushChunk();
			this.out.writeInt(0);
			this.out.flush();
			String reply = readReply(this.socket.getInputStream());
			if (reply.endsWith(" OK") && reply.startsWith("stream:")) {
				return new Verdict(true, null);
			}
			if (reply.endsWith(" FOUND") && reply.startsWith("stream:")) {
				return new Verdict(false,
						reply.substring("stream:".length(), reply.length() - " FOUND".length()).trim());
			}
			throw new IOException("clamd did not scan the stream");
		}

		private static String readReply(InputStream in) throws IOException {
			ByteArrayOutputStream reply = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) > 0 && reply.size() < 1024) {
				reply.write(b);
			}
			return reply.toString(StandardCharsets.US_ASCII).trim();
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
