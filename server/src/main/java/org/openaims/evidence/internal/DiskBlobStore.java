package org.openaims.evidence.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.openaims.common.AimsProperties;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Files under {@code <data dir>/files/ab/cd/abcd…}, moved into place atomically, never overwritten. */
@Component
public class DiskBlobStore implements BlobStore {

	private final Path root;

	public DiskBlobStore(AimsProperties properties) {
		this.root = properties.dataDir().resolve("files");
	}

	@Override
	public void put(String sha256, Path file) throws IOException {
		Path target = path(sha256);
		if (Files.exists(target)) {
			return;
		}
		Files.createDirectories(target.getParent());
		try {
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException e) {
			// stored meanwhile by another upload of the same bytes
		}
	}

	@Override
	public Optional<Resource> get(String sha256) {
		Path path = path(sha256);
		return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
	}

	private Path path(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}
}
