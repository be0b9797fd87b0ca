package dev.fixpoint.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LogFormatTest {

	@Test
	void textIsTheDefaultJsonIsTheElasticCommonSchema() {
		assertThat(structured(new MockEnvironment())).isNull();
		assertThat(structured(new MockEnvironment().withProperty(LogFormat.PROPERTY, "text"))).isNull();
		assertThat(structured(new MockEnvironment().withProperty(LogFormat.PROPERTY, "JSON"))).isEqualTo("ecs");
		assertThat(structured(new MockEnvironment().withProperty(LogFormat.PROPERTY, "logstash")))
			.isEqualTo("logstash");
	}

	@Test
	void anExplicitStructuredFormatWins() {
		assertThat(structured(new MockEnvironment().withProperty(LogFormat.PROPERTY, "json")
			.withProperty(LogFormat.STRUCTURED, "gelf"))).isEqualTo("gelf");
	}

	@Test
	void anUnknownFormatStopsTheStartWithAClearMessage() {
		assertThatIllegalStateException()
			.isThrownBy(() -> structured(new MockEnvironment().withProperty(LogFormat.PROPERTY, "xml")))
			.withMessageContaining("FIXPOINT_LOG_FORMAT must be text, json");
	}

	private static String structured(MockEnvironment environment) {
		new LogFormat().postProcessEnvironment(environment, null);
		return environment.getProperty(LogFormat.STRUCTURED);
	}

}
