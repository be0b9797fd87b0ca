package dev.fixpoint.platform;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code FIXPOINT_LOG_FORMAT}: {@code text} (the default, Spring Boot's human-readable
 * lines) or {@code json} (one JSON object per line: Spring Boot's structured logging in
 * the Elastic Common Schema; {@code ecs}, {@code logstash} and {@code gelf} choose a
 * schema). Runs before the logging system starts, so the first line is already in the
 * chosen format. An explicit {@code logging.structured.format.console} wins.
 */
final class LogFormat implements EnvironmentPostProcessor {

	static final String PROPERTY = "fixpoint.log-format";

	static final String STRUCTURED = "logging.structured.format.console";

	private static final Map<String, String> SCHEMAS = Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash",
			"gelf", "gelf");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
		if (format.equals("text") || format.isEmpty() || environment.containsProperty(STRUCTURED)) {
			return;
		}
		String schema = SCHEMAS.get(format);
		if (schema == null) {
			throw new IllegalStateException(
					"FIXPOINT_LOG_FORMAT must be text, json, ecs, logstash or gelf, not '" + format + "'");
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("fixpointLogFormat", Map.of(STRUCTURED, schema)));
	}

}
