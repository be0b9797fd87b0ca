package dev.fixpoint.attachments;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image dimensions and a small preview. Decoding subsamples while reading, so a 25 MB
 * screenshot never becomes a full-size bitmap in memory; images past {@link #MAX_PIXELS}
 * get no thumbnail (decompression bombs).
 */
final class Thumbnails {

	static final int SIZE = 480;

	static final long MAX_PIXELS = 100_000_000L;

	/**
	 * The original's size and the encoded preview ({@code image/png} or
	 * {@code image/jpeg}).
	 */
	record Thumbnail(int width, int height, byte[] bytes, String mimeType) {
	}

	private Thumbnails() {
	}

	static Optional<Thumbnail> of(InputStream image) throws IOException {
		try (ImageInputStream input = ImageIO.createImageInputStream(image)) {
			if (input == null) {
				return Optional.empty();
			}
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
					return Optional.empty();
				}
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, Math.max(width, height) / (SIZE * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage decoded = reader.read(0, param);
				return Optional.of(encode(width, height, scale(decoded)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (RuntimeException ex) {
			// a malformed image: keep the file, skip the preview
			return Optional.empty();
		}
	}

	private static BufferedImage scale(BufferedImage source) {
		double factor = Math.min(1.0, SIZE / (double) Math.max(source.getWidth(), source.getHeight()));
		int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
		BufferedImage target = new BufferedImage(w, h,
				source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.drawImage(source, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		return target;
	}

	private static Thumbnail encode(int width, int height, BufferedImage preview) throws IOException {
		boolean alpha = preview.getColorModel().hasAlpha();
		String format = alpha ? "png" : "jpeg";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(preview, format, out)) {
			throw new IOException("No writer for " + format);
		}
		return new Thumbnail(width, height, out.toByteArray(), "image/" + format);
	}

}
