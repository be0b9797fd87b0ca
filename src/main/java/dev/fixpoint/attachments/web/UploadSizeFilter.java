package dev.fixpoint.attachments.web;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.attachments.AttachmentProperties;
import dev.fixpoint.attachments.TooLargeException;
import dev.fixpoint.platform.web.ProblemMapping;
import dev.fixpoint.platform.web.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose {@code Content-Length} is already over the limit with 413,
 * before anything (security, multipart parsing) reads the body; a client sending
 * {@code Expect: 100-continue} never even sends it. Uploads of unknown length are cut
 * while streaming instead.
 */
class UploadSizeFilter extends OncePerRequestFilter {

	/** Room for the multipart boundaries and small form fields around the file. */
	static final long MULTIPART_OVERHEAD = 64 * 1024;

	private final AttachmentProperties properties;

	private final JsonMapper json;

	UploadSizeFilter(AttachmentProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !AttachmentRoutes.UPLOAD_PATHS.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long max = this.properties.maxSize().toBytes();
		if (request.getContentLengthLong() > max + MULTIPART_OVERHEAD) {
			TooLargeException tooLarge = TooLargeException.file(max);
			response.setStatus(ProblemMapping.statusOf(tooLarge).value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// the body is not read: tell the client not to reuse the connection
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), ProblemResponses.of(tooLarge));
			return;
		}
		chain.doFilter(request, response);
	}

}
