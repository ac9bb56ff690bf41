package org.openaims.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import org.openaims.common.InvalidInputException;

/**
 * Whatever bytes arrive as an upload, under whatever name and declared type, the checks either let it
 * through or refuse it with a reason; they never fail in another way (a 500) and never run away on a
 * damaged or hostile archive. The Jazzer test runs its stored inputs in normal runs and fuzzes with
 * {@code JAZZER_FUZZ=1}; the seeded test damages real ZIP files at random.
 */
class UploadChecksFuzzTests {

	private static final String[] NAMES = { "report.pdf", "sheet.xlsx", "doc.docx", "archive.zip", "notes.txt", "data.csv",
			"page.html", "image.png", "drawing.svg", "noextension", "data.json" };

	private static final String[] TYPES = { null, "", "application/octet-stream", "application/pdf", "text/html", "image/png",
			"application/zip", "text/plain; charset=utf-8", "not a type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

	@FuzzTest(maxDuration = "30s")
	void anyUploadIsLetThroughOrRefusedWithAReason(FuzzedDataProvider data) {
		String name = data.pickValue(NAMES);
		String type = data.pickValue(TYPES);
		check(data.consumeRemainingAsBytes(), name, type);
	}

	/** Real ZIP files (an archive, and one that expands well) with bytes flipped, cut short or overwritten. */
	@Test
	void damagedArchivesAreLetThroughOrRefusedWithAReason() {
		Random random = new Random(20261203L);
		byte[][] originals = { zip("results.csv", "model,accuracy\nv1,0.91\n".repeat(50).getBytes(StandardCharsets.UTF_8)),
				zip("zeros.bin", new byte[3 * 1024 * 1024]) };
		for (int round = 0; round < 400; round++) {
			byte[] bytes = originals[round % originals.length].clone();
			switch (random.nextInt(3)) {
				case 0 -> {
					for (int i = 0; i < 1 + random.nextInt(8); i++) {
						bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
					}
				}
				case 1 -> bytes = java.util.Arrays.copyOf(bytes, 4 + random.nextInt(bytes.length - 4));
				default -> {
					int at = random.nextInt(bytes.length);
					for (int i = at; i < Math.min(bytes.length, at + 16); i++) {
						bytes[i] = (byte) random.nextInt(256);
					}
				}
			}
			check(bytes, NAMES[random.nextInt(NAMES.length)], TYPES[random.nextInt(TYPES.length)]);
		}
	}

	private static void check(byte[] bytes, String name, String type) {
		Path file = null;
		try {
			file = Files.createTempFile("upload", ".bin");
			Files.write(file, bytes);
			UploadChecks.requireContentMatchesDeclaration(file, name, type);
			UploadChecks.requireNoArchiveBomb(file);
		}
		catch (InvalidInputException refused) {
			if (refused.problems().isEmpty()) {
				throw new AssertionError("refused without a reason");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					// a temporary file left behind
				}
			}
		}
	}

	private static byte[] zip(String entry, byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
