package dev.fixpoint.slack.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.fixpoint.platform.DomainException;
import dev.fixpoint.slack.SlackForm;
import dev.fixpoint.slack.SlackInbound;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slack signs the raw bytes of its requests, and its commands and interactions are form
 * posts, whose bytes the container would consume when anything first asks for a parameter
 * (the edge's text check does, before any controller). This filter, first of all, keeps
 * the body (at most {@link SlackInbound#MAX_BYTES}) for Slack's endpoints and hands on a
 * request that reads it again and parses its form from the same bytes: the edge still
 * checks every parameter, the controller gets the signed bytes.
 */
@Configuration(proxyBeanMethods = false)
class SlackBodyFilter {

	static final String BODY = SlackBodyFilter.class.getName() + ".body";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> slackBody() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Keep());
		registration.addUrlPatterns("/api/integrations/slack/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static final class Keep extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!"POST".equals(request.getMethod()) || request.getContentLengthLong() > SlackInbound.MAX_BYTES) {
				chain.doFilter(request, response);
				return;
			}
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(SlackInbound.MAX_BYTES + 1);
			}
			request.setAttribute(BODY, body);
			chain.doFilter(new Replayed(request, body), response);
		}

	}

	/** The request with its body readable again and its form parsed from those bytes. */
	static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		private Map<String, String[]> form;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			if (this.form == null) {
				Map<String, String[]> parsed = new LinkedHashMap<>(super.getParameterMap());
				String type = getContentType();
				if (type != null
						&& type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
						&& this.body.length <= SlackInbound.MAX_BYTES) {
					try {
						SlackForm.parse(this.body).forEach((name, value) -> parsed.put(name, new String[] { value }));
					}
					catch (DomainException ex) {
						// the edge's filter words this as "the form could not be read"
						// (400)
						throw new IllegalStateException(ex.getMessage());
					}
				}
				this.form = Collections.unmodifiableMap(parsed);
			}
			return this.form;
		}

		@Override
		public String getParameter(String name) {
			String[] values = getParameterMap().get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public String[] getParameterValues(String name) {
			return getParameterMap().get(name);
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(getParameterMap().keySet());
		}

	}

}
