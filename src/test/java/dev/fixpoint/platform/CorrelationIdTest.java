package dev.fixpoint.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import dev.fixpoint.support.Api;
import dev.fixpoint.support.FailingEndpoint;
import dev.fixpoint.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation id a 500's problem details quote is on every line the request logged:
 * in the text logs, and as a field of the JSON ones ({@code FIXPOINT_LOG_FORMAT=json}).
 */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationIdTest extends IntegrationTest {

	@Test
	void everyTextLineOfTheRequestCarriesTheIdItsProblemQuotes(CapturedOutput output) {
		String id = failingRequest();
		List<String> lines = output.getOut().lines().filter(line -> line.contains(id)).toList();
		assertThat(lines).anyMatch(line -> line.contains(FailingEndpoint.LOG_LINE))
			.anyMatch(line -> line.contains("Unexpected error"))
			.allMatch(line -> line.contains("[" + id + "]"));
	}

	@Test
	void everyJsonLineOfTheRequestCarriesTheIdItsProblemQuotes() throws Exception {
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		OutputStreamAppender<ILoggingEvent> appender = jsonAppender(json);
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		String id;
		try {
			id = failingRequest();
		}
		finally {
			root.detachAppender(appender);
			appender.stop();
		}
		List<JsonNode> lines = json.toString(StandardCharsets.UTF_8)
			.lines()
			.map(line -> (JsonNode) this.json.readTree(line))
			.toList();
		JsonNode logged = lines.stream()
			.filter(line -> FailingEndpoint.LOG_LINE.equals(line.path("message").asString(null)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON line of the request in " + lines));
		assertThat(logged.path("correlation_id").asString(null)).isEqualTo(id);
		JsonNode error = lines.stream()
			.filter(line -> line.path("message").asString("").startsWith("Unexpected error"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no JSON line of the error in " + lines));
		assertThat(error.path("correlation_id").asString(null)).isEqualTo(id);
		assertThat(error.at("/log/level").asString(null)).isEqualTo("ERROR");
	}

	/** The correlation id of the 500 problem details the failing endpoint answers. */
	private String failingRequest() {
		Api.Response response = this.api.get(FailingEndpoint.PATH, this.api.newUser("Unlucky").token());
		assertThat(response.status()).isEqualTo(500);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		String id = response.body().path("correlation_id").asString(null);
		assertThat(id).isNotBlank();
		assertThat(response.body().path("detail").asString()).contains(id);
		return id;
	}

	/**
	 * Spring Boot's structured log encoder in the format {@code FIXPOINT_LOG_FORMAT=json}
	 * selects.
	 */
	private static OutputStreamAppender<ILoggingEvent> jsonAppender(ByteArrayOutputStream out) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MockPropertySource().withProperty(LogFormat.PROPERTY, "json"));
		new LogFormat().postProcessEnvironment(environment, null);
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(environment.getProperty(LogFormat.STRUCTURED));
		encoder.start();
		OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
		appender.setContext(context);
		appender.setEncoder(encoder);
		appender.setOutputStream(out);
		appender.start();
		return appender;
	}

}
