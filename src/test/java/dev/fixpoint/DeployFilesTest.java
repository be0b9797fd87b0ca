package dev.fixpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files a user starts (docker is not available where the tests run): they
 * parse, their nodes are configured only with settings the application reads, and the
 * cluster's proxy balances over both nodes without sticky sessions and passes live
 * updates unbuffered.
 */
class DeployFilesTest {

	private static final Pattern FIXPOINT_VARIABLE = Pattern.compile("\\bFIXPOINT_[A-Z0-9_]+");

	@Test
	void theClusterHasTwoNodesOnePostgresqlSharedStorageAndAProxy() throws IOException {
		Map<String, Map<String, Object>> services = services(Path.of("deploy/compose-cluster.yaml"));

		assertThat(services).containsKeys("db", "app-a", "app-b", "proxy", "minio");
		assertThat(image(services.get("db"))).startsWith("postgres:");
		assertThat(image(services.get("proxy"))).startsWith("nginx:");
		for (String node : Set.of("app-a", "app-b")) {
			Map<String, Object> env = environment(services.get(node));
			assertThat(env.get("FIXPOINT_DB_URL")).as(node).isEqualTo("jdbc:postgresql://db:5432/fixpoint");
			assertThat(env).as(node).containsKeys("FIXPOINT_S3_BUCKET", "FIXPOINT_S3_ENDPOINT");
		}
		assertThat(environment(services.get("app-a"))).isEqualTo(environment(services.get("app-b")));
	}

	@Test
	void everySettingInTheComposeFilesIsOneTheApplicationReads() throws IOException {
		Set<String> read = readByTheApplication();
		for (Path file : Set.of(Path.of("compose.yaml"), Path.of("deploy/compose-cluster.yaml"))) {
			for (String service : Set.of("app", "app-a", "app-b")) {
				Map<String, Object> definition = services(file).get(service);
				if (definition != null) {
					assertThat(environment(definition).keySet()).as(file + " " + service).isSubsetOf(read);
				}
			}
		}
	}

	@Test
	void theProxyBalancesOverBothNodesWithoutStickinessAndStreamsEventsUnbuffered() throws IOException {
		String nginx = Files.readString(Path.of("deploy/nginx.conf"));
		Map<String, Object> proxy = services(Path.of("deploy/compose-cluster.yaml")).get("proxy");

		assertThat(proxy.get("volumes").toString()).contains("./nginx.conf:");
		assertThat(nginx).contains("server app-a:8080", "server app-b:8080", "proxy_pass http://fixpoint");
		assertThat(nginx).doesNotContain("ip_hash", "sticky", "hash $");
		String stream = nginx.substring(nginx.indexOf("location = /notifications/stream"));
		assertThat(stream).contains("proxy_buffering off", "proxy_read_timeout");
		assertThat(nginx).contains("X-Forwarded-Proto", "X-Forwarded-Host");
	}

	/**
	 * The {@code FIXPOINT_*} names the application reads: placeholders in application.yml
	 * and the documented configuration (README), which covers the properties bound from
	 * the environment by name.
	 */
	private static Set<String> readByTheApplication() throws IOException {
		Set<String> names = new TreeSet<>();
		for (Path source : Set.of(Path.of("src/main/resources/application.yml"), Path.of("README.md"))) {
			Matcher m = FIXPOINT_VARIABLE.matcher(Files.readString(source));
			while (m.find()) {
				names.add(m.group());
			}
		}
		return names;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services(Path compose) throws IOException {
		Map<String, Object> root = new Yaml().load(Files.readString(compose));
		return (Map<String, Map<String, Object>>) root.get("services");
	}

	private static String image(Map<String, Object> service) {
		return String.valueOf(service.get("image"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

}
