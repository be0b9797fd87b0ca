package dev.fixpoint.attachments;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small clamd for tests that speaks the real INSTREAM protocol: {@code zINSTREAM\0},
 * then chunks each prefixed with its length as a 4-byte big-endian integer, ended by a
 * zero-length chunk; it answers {@code stream: Eicar-Test-Signature FOUND\0} when the
 * stream contains the EICAR test string, else {@code stream: OK\0}. (Debian's clamd
 * cannot fetch signatures offline.)
 */
final class FakeClamd implements AutoCloseable {

	/** What one scan received. */
	record Received(String command, List<Integer> chunkSizes, byte[] content) {
	}

	private final ServerSocket server;

	private final Thread thread;

	final List<Received> scans = new CopyOnWriteArrayList<>();

	FakeClamd() throws IOException {
		this.server = new ServerSocket(0);
		this.thread = Thread.ofVirtual().start(this::serve);
	}

	int port() {
		return this.server.getLocalPort();
	}

	private void serve() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				handle(socket);
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void handle(Socket socket) throws IOException {
		DataInputStream in = new DataInputStream(socket.getInputStream());
		ByteArrayOutputStream command = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) > 0) {
			command.write(b);
		}
		List<Integer> sizes = new CopyOnWriteArrayList<>();
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		while (true) {
			int size = in.readInt();
			if (size == 0) {
				break;
			}
			sizes.add(size);
			content.write(in.readNBytes(size));
		}
		String text = content.toString(StandardCharsets.ISO_8859_1);
		this.scans.add(new Received(command.toString(StandardCharsets.US_ASCII), sizes, content.toByteArray()));
		OutputStream out = socket.getOutputStream();
		String reply = text.contains(SampleFiles.EICAR) ? "stream: Eicar-Test-Signature FOUND" : "stream: OK";
		out.write((reply + "\0").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws Exception {
		this.server.close();
		this.thread.join();
	}

}
