package org.openaims.evidence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.openaims.common.AimsProperties;
import org.openaims.common.FileNames;
import org.openaims.common.FileTypes;
import org.openaims.common.InvalidInputException;
import org.openaims.evidence.internal.BlobStore;
import org.openaims.evidence.internal.DiskBlobStore;
import org.openaims.evidence.internal.UploadChecks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The one store of uploaded files, for every module (evidence files, policy documents …): a file is
 * kept once under the SHA-256 of its bytes, so what a record references cannot silently change and the
 * same bytes uploaded twice take the space of one. The bytes live in a {@link BlobStore} — a directory
 * ({@code <data dir>/files}, {@code ab/cd/abcd…}) by default; an object store can take its place.
 * Every upload is checked before it is kept: a name that is no path, at most {@link #MAX_BYTES}, not
 * empty, and an archive (ZIP and the office formats built on it) that does not expand beyond
 * {@link UploadChecks#MAX_EXPANDED_BYTES} or {@link UploadChecks#MAX_RATIO} times its size. Its type is
 * detected from the content (see {@link FileTypes}). Serves 7.5.3.
 */
@Component
public class FileStore {

	/** Largest file accepted. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	private final Path scratch;

	private final BlobStore blobs;

	@Autowired
	FileStore(AimsProperties properties, BlobStore blobs) {
		this.scratch = properties.dataDir().resolve("files").resolve("incoming");
		this.blobs = blobs;
	}

	/** A store on the local disk under {@code <data dir>/files} (tests, tools). */
	public FileStore(AimsProperties properties) {
		this(properties, new DiskBlobStore(properties));
	}

	/**
	 * Stores a document attached to a record: refuses a name a file system or a browser could misread,
	 * an empty or oversized file and an archive bomb; its type is what the content shows (anything off
	 * the allow-list, HTML and SVG included, is kept as {@code application/octet-stream}).
	 */
	public Stored store(String fileName, InputStream in) {
		return store(fileName, null, in, false, MAX_BYTES);
	}

	/**
	 * Stores an evidence file, more strictly than {@link #store(String, InputStream)}: besides its
	 * checks, a file whose content contradicts what its name or the uploader declared (a "PDF" that is
	 * HTML, a "PNG" that is a script) is refused, so what an auditor opens is what the list says.
	 */
	public Stored storeEvidence(String fileName, String declaredType, InputStream in) {
		return store(fileName, declaredType, in, true, MAX_BYTES);
	}

	/**
	 * Stores a file that a module received and parsed already (a test report): the checks of
	 * {@link #store(String, InputStream)}, up to {@code maxBytes} instead of {@link #MAX_BYTES}.
	 */
	public Stored storeReceived(String fileName, InputStream in, long maxBytes) {
		return store(fileName, null, in, false, maxBytes);
	}

	private Stored store(String fileName, String declaredType, InputStream in, boolean strict, long maxBytes) {
		String name = FileNames.check("file", fileName);
		Path temporary = receive(in, maxBytes);
		try {
			long size = Files.size(temporary);
			if (size == 0) {
				throw new InvalidInputException("file", "is empty");
			}
			if (strict) {
				UploadChecks.requireContentMatchesDeclaration(temporary, name, declaredType);
			}
			UploadChecks.requireNoArchiveBomb(temporary);
			String type = FileTypes.detect(temporary, name);
			String hash = sha256(temporary);
			blobs.put(hash, temporary);
			return new Stored(hash, size, name, type);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			discard(temporary);
		}
	}

	/** Stores the stream's bytes (at most {@link #MAX_BYTES}) unchecked; returns their SHA-256 and size. */
	public Stored store(InputStream in) {
		Path temporary = receive(in, MAX_BYTES);
		try {
			long size = Files.size(temporary);
			String hash = sha256(temporary);
			blobs.put(hash, temporary);
			return new Stored(hash, size, null, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			discard(temporary);
		}
	}

	/** Removes a scratch file (moved into the blob store already, or refused). */
	private static void discard(Path temporary) {
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException e) {
			// a scratch file left behind costs disk space only
		}
	}

	/** The stored file with this hash, if there is one. */
	public Optional<Resource> find(String sha256) {
		if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
			return Optional.empty();
		}
		return blobs.get(sha256);
	}

	/** Whether the store holds these bytes. */
	public boolean contains(String sha256) {
		return find(sha256).isPresent();
	}

	/** Copies the upload to a scratch file, refusing it past {@code maxBytes}. */
	private Path receive(InputStream in, long maxBytes) {
		try {
			Files.createDirectories(scratch);
			Path temporary = scratch.resolve("upload-" + UUID.randomUUID() + ".tmp");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				in.transferTo(new LimitedOutputStream(out, maxBytes));
			}
			catch (TooLarge e) {
				Files.deleteIfExists(temporary);
				throw new InvalidInputException("file", "is larger than " + maxBytes / (1024 * 1024) + " MB");
			}
			catch (IOException e) {
				Files.deleteIfExists(temporary);
				throw e;
			}
			return temporary;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String sha256(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
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
