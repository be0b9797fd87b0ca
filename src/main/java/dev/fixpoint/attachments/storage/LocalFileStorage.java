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

	/** Suffix of an object still being written (a key the sweep may remove). */
	static final String PARTIAL = ".partial";

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

	/**
	 * Writes {@code <key>.partial} and moves it into place. A failure to write (a full
	 * disk, a directory that is read-only or no longer one) is a {@link StoreFailure}; a
	 * failure to read {@code content} passes through unchanged. Partial files a crash
	 * left behind are listed by {@link #forEach} for the orphan sweep.
	 */
	@Override
	public long store(String key, InputStream content, long size) throws IOException {
		Path target = pathOf(key);
		Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
		try {
			Files.createDirectories(target.getParent());
			long written;
			try (OutputStream out = Files.newOutputStream(partial)) {
				written = Copy.copy(content, out);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		catch (Copy.ContentFailure ex) {
			throw ex.content();
		}
		catch (IOException ex) {
			throw StoreFailure.ofFile(ex, this.root);
		}
		finally {
			deleteQuietly(partial);
		}
	}

	private static void deleteQuietly(Path partial) {
		try {
			Files.deleteIfExists(partial);
		}
		catch (IOException ex) {
			// the store is failing anyway; the sweep removes the partial file later
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		Path path = pathOf(key);
		try {
			return Files.newInputStream(path);
		}
		catch (NoSuchFileException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw StoreFailure.ofFile(ex, this.root);
		}
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
