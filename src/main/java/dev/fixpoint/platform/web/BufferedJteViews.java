package dev.fixpoint.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * The pages' view resolver: JTE's, with a view that renders the whole page into UTF-8
 * bytes ({@link Utf8ByteOutput}) and writes them to the response in one piece. JTE's own
 * view writes every piece of a template (a few hundred per bug page) through the
 * servlet's {@code PrintWriter}, which encodes each one on its own; here the static text
 * arrives as bytes encoded at build time ({@code binaryStaticContent} in the
 * {@code jte-maven-plugin}) and only what the page fills in is encoded per request. A
 * template that fails halfway has written nothing, so the error page is a whole page.
 * <p>
 * A page is one write: the buffer's pieces written one by one went each through every
 * response wrapper (Spring Security's and Spring Session's check the length written on
 * each call). And a page is gzipped here, at the fastest level, when the client accepts
 * it and compression is on ({@code server.compression}): Tomcat's compression (deflate's
 * default level) cost a third of a bug page's CPU, the fastest level a quarter of that,
 * for a page ~15% larger on the wire (bench/README.md). Tomcat leaves a response that
 * already has a {@code Content-Encoding} as it is; it still compresses everything else.
 */
final class BufferedJteViews extends JteViewResolver {

	/**
	 * The pieces a page starts with room for: {@link Utf8ByteOutput} keeps a list of the
	 * byte arrays the template wrote (its static text and each value it filled in), and
	 * the number given to it is that list's first capacity, not a size in bytes. A bug
	 * page is a few hundred pieces; the 8192 this once was allocated a 32 KB array per
	 * page view, an eighth of the page's allocation (bench/README.md, "Tail latency").
	 */
	private static final int PIECES = 512;

	/** Deflate's output buffer: the compressed page (~7 KB) in a couple of steps. */
	private static final int GZIP_BUFFER = 4096;

	private final TemplateEngine templates;

	private final Compression compression;

	/**
	 * @param compression whether and from which size pages are gzipped for clients that
	 * accept it
	 */
	BufferedJteViews(TemplateEngine templates, JteProperties properties, Compression compression) {
		super(templates, properties);
		this.templates = templates;
		this.compression = compression;
	}

	@Override
	protected AbstractUrlBasedView instantiateView() {
		return new BufferedView(this.templates, this.compression);
	}

	/** Pages of at least {@code minSize} bytes are gzipped if {@code enabled}. */
	record Compression(boolean enabled, long minSize) {

		boolean applies(int size, HttpServletRequest request, HttpServletResponse response) {
			return this.enabled && size >= this.minSize && !response.containsHeader(HttpHeaders.CONTENT_ENCODING)
					&& acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		}

		/**
		 * Whether an {@code Accept-Encoding} names gzip without refusing it
		 * ({@code q=0}).
		 */
		static boolean acceptsGzip(String acceptEncoding) {
			if (acceptEncoding == null) {
				return false;
			}
			for (String coding : acceptEncoding.split(",")) {
				String[] parts = coding.split(";");
				if (parts[0].strip().equalsIgnoreCase("gzip")) {
					for (int i = 1; i < parts.length; i++) {
						String param = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
						if (param.startsWith("q=") && param.substring(2).strip().matches("0(\\.0{0,3})?")) {
							return false;
						}
					}
					return true;
				}
			}
			return false;
		}

		static ByteArrayOutputStream gzip(byte[] page) throws IOException {
			ByteArrayOutputStream zipped = new ByteArrayOutputStream(page.length / 3 + 64);
			try (GZIPOutputStream out = new FastGzip(zipped)) {
				out.write(page);
			}
			return zipped;
		}

	}

	/** gzip at deflate's fastest level. */
	private static final class FastGzip extends GZIPOutputStream {

		FastGzip(ByteArrayOutputStream out) throws IOException {
			super(out, GZIP_BUFFER);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

	static final class BufferedView extends JteView {

		private final TemplateEngine templates;

		private final Compression compression;

		BufferedView(TemplateEngine templates, Compression compression) {
			super(templates);
			this.templates = templates;
			this.compression = compression;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput output = new Utf8ByteOutput(PIECES);
			this.templates.render(getUrl(), model, output);
			response.setCharacterEncoding("UTF-8");
			byte[] page = output.toByteArray();
			if (this.compression.enabled() && page.length >= this.compression.minSize()) {
				response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			}
			if (this.compression.applies(page.length, request, response)) {
				ByteArrayOutputStream zipped = Compression.gzip(page);
				response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
				response.setContentLength(zipped.size());
				zipped.writeTo(response.getOutputStream()); // one write, no copy
				return;
			}
			response.setContentLength(page.length);
			response.getOutputStream().write(page);
		}

	}

}
