package org.openaims.evidence.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.core.io.Resource;

/**
 * Where stored files' bytes live, addressed by their SHA-256: a directory by default
 * ({@link DiskBlobStore}); an S3-compatible object store is the other place meant to implement it.
 */
public interface BlobStore {

	/** Keeps {@code file}'s bytes under {@code sha256} unless they are kept already; the file may be moved. */
	void put(String sha256, Path file) throws IOException;

	/** The bytes kept under {@code sha256} (a checked hash), if any. */
	Optional<Resource> get(String sha256);
}
