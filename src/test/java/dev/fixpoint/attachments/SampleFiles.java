package dev.fixpoint.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Real files made in the test: what a browser would upload. */
final class SampleFiles {

	/** The EICAR anti-virus test string (harmless; every scanner reports it). */
	static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

	private SampleFiles() {
	}

	static byte[] png(int width, int height) {
		return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
	}

	static byte[] jpeg(int width, int height) {
		return image(width, height, "jpeg", BufferedImage.TYPE_INT_RGB);
	}

	private static byte[] image(int width, int height, String format, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x2e6bd9));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillRect(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A minimal but well-formed one-page PDF. */
	static byte[] pdf() {
		String pdf = """
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""";
		return pdf.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] log(int lines) {
		StringBuilder text = new StringBuilder();
		for (int i = 1; i <= lines; i++) {
			text.append("2026-11-25T12:00:00Z INFO line ").append(i).append('\n');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] html() {
		return "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] svg() {
		return "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8);
	}

}
