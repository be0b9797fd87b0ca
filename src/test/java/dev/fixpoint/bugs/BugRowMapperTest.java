package dev.fixpoint.bugs;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment read without Jackson gives what Jackson gives, in the same order, and
 * leaves to Jackson whatever is not an object of strings.
 */
class BugRowMapperTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsObjectsOfStringsAsJacksonDoes() {
		for (String text : new String[] { "{}", " { } ", "{\"os\": \"Linux\"}",
				"{\"os\": \"Linux\", \"browser\": \"Firefox 133\"}", "{\"a\":\"\",\"b\":\"x\"}",
				"{\"quote\": \"say \\\"hi\\\"\", \"slash\": \"a\\\\b\\/c\"}",
				"{\"lines\": \"one\\ntwo\\r\\tthree\\b\\f\"}", "{\"nul\": \"\\u0000\", \"e\": \"\\u00e9\\u20AC\"}",
				"{\"ümlaut ключ\": \"значение 😀\"}", "{\"dup\": \"1\", \"dup\": \"2\"}",
				"\n{\n  \"k\" : \"v\" ,\n  \"k2\":\"v2\"\n}\n" }) {
			Map<String, String> read = BugRowMapper.flatStrings(text);
			Map<String, String> jackson = JSON.readValue(text, new TypeReference<Map<String, String>>() {
			});
			assertThat(read).as(text).isEqualTo(jackson);
			assertThat(read.keySet()).as(text).containsExactlyElementsOf(jackson.keySet());
		}
	}

	@Test
	void leavesAnythingElseToJackson() {
		for (String text : new String[] { null, "", "[]", "null", "{\"n\": 1}", "{\"b\": true}", "{\"x\": null}",
				"{\"o\": {\"a\": \"b\"}}", "{\"a\": [\"b\"]}", "{\"a\": \"b\"", "{\"a\": \"b\"} x", "{\"a\" \"b\"}",
				"{\"a\": \"b\",}", "{\"a\": \"\\x\"}", "{\"a\": \"\\u00g0\"}", "{\"a\": \"\\u00\"}", "{a: \"b\"}",
				"{\"a\": \"b\nc\"}", "{\"a\": \"b\\" }) {
			assertThat(BugRowMapper.flatStrings(text)).as(String.valueOf(text)).isNull();
		}
	}

}
