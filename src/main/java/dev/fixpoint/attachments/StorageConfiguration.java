package dev.fixpoint.attachments;

import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;

import dev.fixpoint.attachments.storage.LocalFileStorage;
import dev.fixpoint.attachments.storage.ObjectStorage;
import dev.fixpoint.attachments.storage.S3Storage;
import dev.fixpoint.platform.FixpointProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The S3-compatible store when a bucket is configured, else files under the data
 * directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class StorageConfiguration {

	@Bean
	ObjectStorage attachmentStorage(AttachmentProperties properties, FixpointProperties fixpoint) throws IOException {
		AttachmentProperties.S3 s3 = properties.s3();
		if (s3.enabled()) {
			return new S3Storage(new S3Storage.Settings(s3.endpoint(), s3.bucket(), s3.region(), s3.accessKey(),
					s3.secretKey(), s3.pathStyle(), "attachments/"));
		}
		Path dir = properties.localDir() != null ? properties.localDir() : fixpoint.dataDir().resolve("attachments");
		return new LocalFileStorage(dir);
	}

	@Bean
	StoredObjects storedObjects(DataSource dataSource, ObjectStorage attachmentStorage) {
		return new StoredObjects(dataSource, attachmentStorage);
	}

	@Bean
	ClamAvScanner clamAvScanner(AttachmentProperties properties) {
		return new ClamAvScanner(properties.clamav());
	}

}
