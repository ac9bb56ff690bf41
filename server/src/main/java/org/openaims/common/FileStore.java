package org.openaims.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Content-addressed files under {@code <data dir>/files}: a file is stored once under the SHA-256 of
 * its bytes ({@code ab/cd/abcd…}), so what a record references cannot silently change.
 */
@Component
public class FileStore {

	/** Largest file accepted. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final Path root;

	FileStore(AimsProperties properties) {
		this.root = properties.dataDir().resolve("files");
	}

	/**
	 * Stores an uploaded file: refuses a name a file system or a browser could misread, stores the
	 * bytes (at most {@link #MAX_BYTES}, not empty), and detects their type (see {@link FileTypes}).
	 */
	public Stored store(String fileName, InputStream in) {
		String name = FileNames.check("file", fileName);
		Stored stored = store(in);
		if (stored.size() == 0) {
			throw new InvalidInputException("file", "is empty");
		}
		return new Stored(stored.sha256(), stored.size(), name,
				FileTypes.detect(find(stored.sha256()).orElseThrow(), name));
	}

	/** Stores the stream's bytes (at most {@link #MAX_BYTES}); returns their SHA-256 and size. */
	public Stored store(InputStream in) {
		try {
			Files.createDirectories(root);
			Path temporary = root.resolve("upload-" + UUID.randomUUID() + ".tmp");
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size;
			try (DigestInputStream digesting = new DigestInputStream(in, sha256);
					OutputStream out = Files.newOutputStream(temporary)) {
				size = digesting.transferTo(new LimitedOutputStream(out, MAX_BYTES));
			}
			catch (TooLarge e) {
				Files.deleteIfExists(temporary);
				throw new InvalidInputException("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			Path target = path(hash);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				Files.delete(temporary);
			}
			else {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			return new Stored(hash, size, null, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The stored file with this hash, if there is one. */
	public Optional<Path> find(String sha256) {
		if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		Path path = path(sha256);
		return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
	}

	private Path path(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	/**
	 * A stored file: the SHA-256 of its bytes and its size; for an upload also its checked name and
	 * the type detected from its content.
	 */
	public record Stored(String sha256, long size, String name, String mediaType) {
	}

	private static final class TooLarge extends IOException {
	}

	private static final class LimitedOutputStream extends OutputStream {

		private final OutputStream out;

		private final long limit;

		private long written;

		LimitedOutputStream(OutputStream out, long limit) {
			this.out = out;
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			count(1);
			out.write(b);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			count(len);
			out.write(b, off, len);
		}

		private void count(int n) throws IOException {
			written += n;
			if (written > limit) {
				throw new TooLarge();
			}
		}
	}
}
