package dev.fixpoint.attachments.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Objects as files under one directory, spread over 256 sub-directories by the first two
 * characters of the key. Writes go to a temporary file that is moved into place, so a
 * reader never sees half an object.
 */
public class LocalFileStorage implements ObjectStorage {

	private final Path root;

	public LocalFileStorage(Path root) throws IOException {
		this.root = Files.createDirectories(root.toAbsolutePath().normalize());
	}

	@Override
	public String backend() {
		return "local";
	}

	private Path pathOf(String key) {
		String valid = ObjectStorage.validKey(key);
		return this.root.resolve(valid.substring(0, 2)).resolve(valid);
	}

	@Override
	public long store(String key, InputStream content, long size) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		Path partial = target.resolveSibling(target.getFileName() + ".partial");
		try {
			long written;
			try (OutputStream out = Files.newOutputStream(partial)) {
				written = content.transferTo(out);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(pathOf(key));
	}

	@Override
	public void delete(String key) throws IOException {
		Files.deleteIfExists(pathOf(key));
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(pathOf(key));
	}

	@Override
	public void forEach(Consumer<StoredObject> visitor) throws IOException {
		try (Stream<Path> files = Files.walk(this.root, 2)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String name = file.getFileName().toString();
				if (!isKey(name)) {
					continue;
				}
				try {
					BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
					if (attributes.isRegularFile()) {
						visitor.accept(
								new StoredObject(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
					}
				}
				catch (NoSuchFileException ex) {
					// deleted meanwhile
				}
			}
		}
	}

	private static boolean isKey(String name) {
		try {
			ObjectStorage.validKey(name);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
