package dev.fixpoint.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Which encoding an uploaded text file is in. A byte order mark decides (UTF-8, UTF-16 LE
 * or BE) and is skipped; without one, UTF-16 shows as a zero byte in every other place of
 * ASCII text; else the file is read as UTF-8, strictly, and a file that is not valid
 * UTF-8 is read again as Windows-1252 (what Excel on Windows writes), by the runner's
 * first pass.
 */
final class TextEncoding {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextEncoding() {
	}

	/** What the first bytes say; {@code null} when they say nothing (try UTF-8). */
	static Charset sniff(byte[] head, int length) {
		if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		int evenZeros = 0;
		int oddZeros = 0;
		int n = Math.min(length, 4096) & ~1;
		for (int i = 0; i < n; i++) {
			if (head[i] == 0) {
				if (i % 2 == 0) {
					evenZeros++;
				}
				else {
					oddZeros++;
				}
			}
		}
		if (n >= 4 && oddZeros > n / 4 && evenZeros == 0) {
			return StandardCharsets.UTF_16LE;
		}
		if (n >= 4 && evenZeros > n / 4 && oddZeros == 0) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	/** Skips a byte order mark of {@code charset} at the start of the stream, if any. */
	static InputStream withoutBom(InputStream in, Charset charset) throws IOException {
		PushbackInputStream pushback = new PushbackInputStream(in, 3);
		byte[] head = pushback.readNBytes(3);
		Charset bom = sniff(head, Math.min(head.length, 3));
		int bomLength = bom == null || !bom.equals(charset) ? 0 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
		pushback.unread(head, bomLength, head.length - bomLength);
		return pushback;
	}

}
