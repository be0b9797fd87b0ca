package dev.fixpoint.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph, ...). Uploads of known length
 * stream straight through; of unknown length they are first spooled to a temporary file
 * (S3 needs the length up front).
 */
public class S3Storage implements ObjectStorage, AutoCloseable {

	/**
	 * Connection settings; {@code endpoint} null means AWS itself, credentials null the
	 * default AWS chain.
	 */
	public record Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
			boolean pathStyle, String prefix) {
	}

	private static final Set<String> FULL_CODES = Set.of("XMinioStorageFull", "QuotaExceeded");

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	public S3Storage(Settings settings) {
		S3ClientBuilder builder = S3Client.builder()
			.httpClient(UrlConnectionHttpClient.create())
			.region(Region
				.of(settings.region() == null || settings.region().isBlank() ? "us-east-1" : settings.region()))
			.forcePathStyle(settings.pathStyle())
			// plain checksums only where required: many S3-compatible stores reject
			// aws-chunked trailers
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
			builder.endpointOverride(URI.create(settings.endpoint()));
		}
		if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
			builder.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
		}
		else {
			builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
		}
		this.s3 = builder.build();
		this.bucket = settings.bucket();
		this.prefix = settings.prefix() == null ? "" : settings.prefix();
	}

	@Override
	public String backend() {
		return "s3";
	}

	private String objectName(String key) {
		return this.prefix + ObjectStorage.validKey(key);
	}

	/**
	 * A failure to read {@code content} passes through unchanged (the SDK wraps it: the
	 * counting stream remembers it); anything else the SDK throws is a
	 * {@link StoreFailure}.
	 */
	@Override
	public long store(String key, InputStream content, long size) throws IOException {
		String name = objectName(key);
		if (size < 0) {
			return storeSpooled(name, content);
		}
		CountingInput counted = new CountingInput(content);
		try {
			this.s3.putObject(r -> r.bucket(this.bucket).key(name).contentLength(size),
					RequestBody.fromInputStream(counted, size));
		}
		catch (SdkException ex) {
			if (counted.failure() != null) {
				throw counted.failure();
			}
			throw failure(ex);
		}
		return counted.count();
	}

	private long storeSpooled(String name, InputStream content) throws IOException {
		Path spool = Files.createTempFile("fixpoint-s3-", ".part");
		try {
			long size;
			try (var out = Files.newOutputStream(spool)) {
				size = Copy.copy(content, out);
			}
			this.s3.putObject(r -> r.bucket(this.bucket).key(name).contentLength(size), RequestBody.fromFile(spool));
			return size;
		}
		catch (Copy.ContentFailure ex) {
			throw ex.content();
		}
		catch (SdkException ex) {
			throw failure(ex);
		}
		catch (IOException ex) {
			throw StoreFailure.ofFile(ex, spool.getParent());
		}
		finally {
			Files.deleteIfExists(spool);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		try {
			return this.s3.getObject(r -> r.bucket(this.bucket).key(objectName(key)));
		}
		catch (NoSuchKeyException ex) {
			throw new java.io.FileNotFoundException("No such object");
		}
		catch (SdkException ex) {
			throw failure(ex);
		}
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			this.s3.deleteObject(r -> r.bucket(this.bucket).key(objectName(key)));
		}
		catch (SdkException ex) {
			throw failure(ex);
		}
	}

	@Override
	public boolean exists(String key) throws IOException {
		try {
			this.s3.headObject(r -> r.bucket(this.bucket).key(objectName(key)));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (software.amazon.awssdk.services.s3.model.S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw failure(ex);
		}
		catch (SdkException ex) {
			throw failure(ex);
		}
	}

	@Override
	public void forEach(Consumer<StoredObject> visitor) throws IOException {
		try {
			for (S3Object object : this.s3.listObjectsV2Paginator(r -> r.bucket(this.bucket).prefix(this.prefix))
				.contents()) {
				String key = object.key().substring(this.prefix.length());
				if (key.matches("[0-9a-f-]{36}(\\.thumb)?")) {
					visitor.accept(new StoredObject(key, object.size(), object.lastModified()));
				}
			}
		}
		catch (SdkException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Full when S3 says the storage is (507, MinIO's {@code XMinioStorageFull}, Ceph's
	 * {@code QuotaExceeded}), else unavailable: 5xx, {@code SlowDown}, refused
	 * credentials, a missing bucket, no answer. The SDK's messages name buckets and
	 * endpoints: they stay in the log, out of responses.
	 */
	private static StoreFailure failure(SdkException ex) {
		boolean full = ex instanceof AwsServiceException service && (service.statusCode() == 507
				|| (service.awsErrorDetails() != null && FULL_CODES.contains(service.awsErrorDetails().errorCode())));
		return new StoreFailure(full ? StoreFailure.Reason.FULL : StoreFailure.Reason.UNAVAILABLE,
				"S3 request failed: " + ex.getMessage(), ex);
	}

	@Override
	public void close() {
		this.s3.close();
	}

	/**
	 * Counts what the SDK actually read, so the caller learns the stored length, and
	 * remembers a failure to read the content.
	 */
	private static final class CountingInput extends java.io.FilterInputStream {

		private long count;

		private IOException failure;

		CountingInput(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			try {
				int b = super.read();
				if (b >= 0) {
					this.count++;
				}
				return b;
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			try {
				int n = super.read(b, off, len);
				if (n > 0) {
					this.count += n;
				}
				return n;
			}
			catch (IOException ex) {
				this.failure = ex;
				throw ex;
			}
		}

		IOException failure() {
			return this.failure;
		}

		long count() {
			return this.count;
		}

	}

}
