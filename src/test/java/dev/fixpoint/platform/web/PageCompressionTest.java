package dev.fixpoint.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import dev.fixpoint.support.Api.TestUser;
import dev.fixpoint.support.BrowserSession;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages are gzipped for a client that accepts gzip (by the view, at deflate's fastest
 * level), sent as they are to one that does not, and both answers say that they vary by
 * {@code Accept-Encoding}.
 */
class PageCompressionTest extends IntegrationTest {

	@Test
	void aPageIsGzippedOnlyForClientsThatAcceptIt() throws Exception {
		TestUser ann = this.api.newUser("Ann");
		String project = this.api.newProject(ann).get("key").asString();
		this.api.newBug(ann, project, "Checkout button does nothing", "high");
		BrowserSession browser = BrowserSession.signedIn(baseUrl(), this.api, ann);
		String page = "/bugs/" + project + "-1";

		HttpResponse<byte[]> zipped = get(browser, page, "gzip, deflate, br");
		HttpResponse<byte[]> plain = get(browser, page, null);
		HttpResponse<byte[]> refused = get(browser, page, "gzip;q=0, identity");

		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(String.join(", ", zipped.headers().allValues("Vary"))).containsIgnoringCase("accept-encoding");
		String unzipped = gunzip(zipped.body());
		assertThat(unzipped.strip()).contains("Checkout button does nothing").endsWith("</html>");
		assertThat(zipped.body().length).isLessThan(unzipped.length() / 2);

		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(String.join(", ", plain.headers().allValues("Vary"))).containsIgnoringCase("accept-encoding");
		assertThat(new String(plain.body(), StandardCharsets.UTF_8).strip()).contains("Checkout button does nothing")
			.endsWith("</html>");
		assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void aPageLargerThanTheDeflateBufferComesBackWhole() throws IOException {
		StringBuilder html = new StringBuilder("<!doctype html><html><body>");
		for (int i = 0; html.length() < 300_000; i++) {
			html.append("<p id=\"line-").append(i).append("\">Bug ").append(i * 7919 % 100_003).append(" is ok</p>\n");
		}
		byte[] page = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);

		byte[] zipped = BufferedJteViews.Compression.gzip(page).toByteArray();

		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
			assertThat(in.readAllBytes()).isEqualTo(page);
		}
		assertThat(zipped.length).isLessThan(page.length / 2);
	}

	@Test
	void acceptEncodingIsReadByItsCodings() {
		assertThat(BufferedJteViews.Compression.acceptsGzip("gzip")).isTrue();
		assertThat(BufferedJteViews.Compression.acceptsGzip("br, GZIP;q=0.5")).isTrue();
		assertThat(BufferedJteViews.Compression.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(BufferedJteViews.Compression.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(BufferedJteViews.Compression.acceptsGzip("x-gzip, br")).isFalse();
		assertThat(BufferedJteViews.Compression.acceptsGzip(null)).isFalse();
	}

	private HttpResponse<byte[]> get(BrowserSession browser, String path, String acceptEncoding)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.header("Accept", "text/html");
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
