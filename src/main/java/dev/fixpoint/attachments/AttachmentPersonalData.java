package dev.fixpoint.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.fixpoint.accounts.PersonalData;
import dev.fixpoint.attachments.storage.ObjectStorage;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The files a person uploaded, for their data export: {@code attachments.json} lists them
 * and each file's bytes follow under {@code files/}, streamed from the store one at a
 * time (never a whole file in memory). On deletion the files stay with their bugs (the
 * team needs them); the uploader shows as the deleted person's new name.
 */
@Component
@Order(15)
class AttachmentPersonalData implements PersonalData {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AttachmentPersonalData.class);

	private record Upload(UUID id, String bug, String filename, String mimeType, long fileSize, String objectKey,
			Instant createdAt) {

		/** Where the bytes are in the export: unique by id, named as uploaded. */
		String path() {
			String safe = this.filename.replaceAll("[^A-Za-z0-9._ -]", "_").replaceAll("^\\.+", "_");
			return "files/" + this.bug + "/" + this.id + "-" + safe;
		}

	}

	private final JdbcClient jdbc;

	private final ObjectStorage storage;

	AttachmentPersonalData(JdbcClient jdbc, ObjectStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Override
	public String name() {
		return "attachments";
	}

	@Override
	public void export(UUID userId, Consumer<Object> item) {
		try (Stream<Upload> uploads = uploads(userId)) {
			uploads.forEach(upload -> {
				Map<String, Object> file = new LinkedHashMap<>();
				file.put("bug", upload.bug());
				file.put("filename", upload.filename());
				file.put("mime_type", upload.mimeType());
				file.put("file_size", upload.fileSize());
				file.put("created_at", upload.createdAt());
				file.put("file", upload.path());
				item.accept(file);
			});
		}
	}

	@Override
	public void exportFiles(UUID userId, Files files) throws IOException {
		try (Stream<Upload> uploads = uploads(userId)) {
			for (Upload upload : (Iterable<Upload>) uploads::iterator) {
				InputStream bytes;
				try {
					bytes = this.storage.open(upload.objectKey());
				}
				catch (IOException ex) {
					// removed from the store meanwhile (its bug was just deleted):
					// listed, not included
					log.warn("An uploaded file could not be read for a data export ({})",
							ex.getClass().getSimpleName());
					continue;
				}
				try (bytes) {
					files.add(upload.path(), bytes);
				}
			}
		}
	}

	private Stream<Upload> uploads(UUID userId) {
		return this.jdbc.sql("""
				select a.id, p.key || '-' || b.number as bug, a.filename, a.mime_type, a.file_size, a.object_key,
				    a.created_at
				from attachments a join bugs b on b.id = a.bug_id join projects p on p.id = a.project_id
				where a.uploaded_by = :user order by a.created_at, a.id
				""").param("user", userId).query(Upload.class).stream();
	}

}
