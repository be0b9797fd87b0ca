package dev.fixpoint.platform.web;

import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteView;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;

import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * The pages' view resolver: JTE's, with a view that renders the whole page into UTF-8
 * bytes ({@link Utf8ByteOutput}) and writes them to the response at once. JTE's own view
 * writes every piece of a template (a few hundred per bug page) through the servlet's
 * {@code PrintWriter}, which encodes each one on its own; here the static text arrives as
 * bytes encoded at build time ({@code binaryStaticContent} in the
 * {@code jte-maven-plugin}) and only what the page fills in is encoded per request. A
 * template that fails halfway has written nothing, so the error page is a whole page; and
 * the response is not committed before the request ends, so the session is read once per
 * page (see {@link BufferedView#renderMergedTemplateModel}).
 */
final class BufferedJteViews extends JteViewResolver {

	/**
	 * Bytes per buffer piece: a bug page (~35 KB) in a handful, not JTE's default 512.
	 */
	private static final int CHUNK = 8192;

	private final TemplateEngine templates;

	BufferedJteViews(TemplateEngine templates, JteProperties properties) {
		super(templates, properties);
		this.templates = templates;
	}

	@Override
	protected AbstractUrlBasedView instantiateView() {
		return new BufferedView(this.templates);
	}

	static final class BufferedView extends JteView {

		private final TemplateEngine templates;

		BufferedView(TemplateEngine templates) {
			super(templates);
			this.templates = templates;
		}

		@Override
		protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
				HttpServletResponse response) throws Exception {
			Utf8ByteOutput output = new Utf8ByteOutput(CHUNK);
			this.templates.render(getUrl(), model, output);
			response.setCharacterEncoding("UTF-8");
			// the page stays in the response buffer until the request ends: a response
			// committed halfway (a full buffer, or a known length reached) makes Spring
			// Session save the session then and again at the end, and its second save
			// reads the session from the database once more. A buffer exactly as long as
			// the page counts as full once it is written: one byte more
			int buffer = output.getContentLength() + 1;
			if (!response.isCommitted() && response.getBufferSize() < buffer) {
				try {
					response.setBufferSize(buffer);
				}
				catch (IllegalStateException written) {
					// something wrote before the view: the page follows it as it is
				}
			}
			output.writeTo(response.getOutputStream());
		}

	}

}
