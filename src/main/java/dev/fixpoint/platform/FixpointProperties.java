package dev.fixpoint.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared across modules, bound from {@code fixpoint.*} (environment:
 * {@code FIXPOINT_*}).
 *
 * @param dataDir where the embedded database (and later attachments) live
 * @param ephemeralDatabase a throw-away embedded database in a temporary directory
 * (tests)
 * @param demo load the demo organization on an empty database
 * @param baseUrl the public URL of this installation, used in links
 * @param bcryptStrength work factor of the password hash
 * @param apiTokenLifetime lifetime of tokens issued by login/signup
 * @param shareRunningDatabase use the embedded PostgreSQL a running Fixpoint serves from
 * the same data directory instead of starting one (backup and restore commands)
 * @param secretKey the key that seals secrets kept for other systems ({@link SecretBox});
 * unset: one generated once into the database
 * @param secretKeyPrevious the key before the last rotation, still accepted for opening
 */
@ConfigurationProperties("fixpoint")
public record FixpointProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("false") boolean ephemeralDatabase,
		@DefaultValue("false") boolean demo, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("11") int bcryptStrength, @DefaultValue("30d") Duration apiTokenLifetime,
		@DefaultValue("false") boolean shareRunningDatabase, String secretKey, String secretKeyPrevious) {
}
