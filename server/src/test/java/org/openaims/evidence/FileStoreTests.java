package org.openaims.evidence;

import org.openaims.common.AimsProperties;
import org.openaims.common.Digests;
import org.openaims.common.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploaded files stored by content: size limit, de-duplication, lookups that cannot leave the store. */
class FileStoreTests {

	@TempDir
	Path dataDir;

	@Test
	void storesByContentOnceAndFindsByHash() throws IOException {
		FileStore store = new FileStore(new AimsProperties(dataDir, false, null));
		FileStore.Stored first = store.store(new ByteArrayInputStream("policy".getBytes(StandardCharsets.UTF_8)));
		FileStore.Stored again = store.store(new ByteArrayInputStream("policy".getBytes(StandardCharsets.UTF_8)));
		assertThat(again).isEqualTo(first);
		assertThat(first.sha256()).isEqualTo(Digests.sha256Hex("policy"));
		assertThat(first.size()).isEqualTo(6);
		assertThat(store.find(first.sha256()).orElseThrow().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("policy");
		assertThat(files()).hasSize(1);
	}

	@Test
	void refusesFilesOverTheLimitAndLeavesNothingBehind() throws IOException {
		FileStore store = new FileStore(new AimsProperties(dataDir, false, null));
		InputStream endless = new InputStream() {
			long left = FileStore.MAX_BYTES + 1;

			@Override
			public int read() {
				return left-- > 0 ? 'x' : -1;
			}

			@Override
			public int read(byte[] b, int off, int len) {
				if (left <= 0) {
					return -1;
				}
				int n = (int) Math.min(len, left);
				java.util.Arrays.fill(b, off, off + n, (byte) 'x');
				left -= n;
				return n;
			}
		};
		assertThatThrownBy(() -> store.store(endless)).isInstanceOf(InvalidInputException.class).hasMessageContaining("larger than 10 MB");
		assertThat(files()).isEmpty();
		// Exactly the limit is accepted.
		byte[] limit = new byte[(int) FileStore.MAX_BYTES];
		assertThat(store.store(new ByteArrayInputStream(limit)).size()).isEqualTo(FileStore.MAX_BYTES);
	}

	@Test
	void lookupsWithAnythingButAHashFindNothing() {
		FileStore store = new FileStore(new AimsProperties(dataDir, false, null));
		for (String hostile : new String[] { null, "", "../../etc/passwd", "ab/../../x", "A".repeat(64), "0".repeat(63),
				"0".repeat(64) }) {
			assertThat(store.find(hostile)).as(String.valueOf(hostile)).isEmpty();
		}
	}

	private java.util.List<Path> files() throws IOException {
		Path root = dataDir.resolve("files");
		if (!Files.exists(root)) {
			return java.util.List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile).toList();
		}
	}
}
