package org.openaims.lifecycle.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.openaims.common.InvalidInputException;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.lifecycle.ReceivedFile;
import org.openaims.lifecycle.TestRunDetails;
import org.openaims.lifecycle.TestRunFilter;
import org.openaims.lifecycle.TestRunService;
import org.openaims.lifecycle.TestRunView;
import org.openaims.lifecycle.internal.JunitXml;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Test runs over REST: pushed as multipart (one or more {@code reports} parts with JUnit XML, an
 * optional {@code metrics} part), listed and read with their failing cases and history.
 */
@RestController
@RequestMapping("/api/v1/test-runs")
class TestRunApiController {

	private final TestRunService runs;

	private final org.openaims.reporting.Exports exports;

	TestRunApiController(TestRunService runs, org.openaims.reporting.Exports exports) {
		this.runs = runs;
		this.exports = exports;
	}

	/**
	 * Pushes a run of {@code aiSystemId} at {@code version}: {@code reports} (JUnit XML, repeatable, each
	 * at most 20 MB) and/or {@code metrics} (JSON), with {@code dataset}, {@code commit} and
	 * {@code evaluator}. A broken, hostile or oversized file is refused (400, naming the file and why)
	 * and nothing is kept.
	 */
	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<TestRunView> push(@RequestParam UUID aiSystemId, @RequestParam String version,
			@RequestParam(required = false) String dataset, @RequestParam(required = false) String commit,
			@RequestParam(required = false) String evaluator, @RequestPart(name = "reports", required = false) List<MultipartFile> reports,
			@RequestPart(name = "metrics", required = false) MultipartFile metrics) throws IOException {
		List<ReceivedFile> files = new ArrayList<>();
		if (reports != null) {
			for (MultipartFile f : reports) {
				files.add(read("reports", f));
			}
		}
		TestRunView created = runs.push(new TestRunDetails(aiSystemId, version, dataset, commit, evaluator), files,
				metrics == null ? null : read("metrics", metrics));
		return ResponseEntity.created(URI.create("/api/v1/test-runs/" + created.id())).body(created);
	}

	private static ReceivedFile read(String field, MultipartFile f) throws IOException {
		String name = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? field : f.getOriginalFilename();
		if (f.getSize() > JunitXml.MAX_BYTES) {
			throw new InvalidInputException(field, name + ": is larger than " + JunitXml.MAX_BYTES / (1024 * 1024) + " MB");
		}
		try (InputStream in = f.getInputStream()) {
			byte[] bytes = in.readNBytes(JunitXml.MAX_BYTES + 1);
			if (bytes.length > JunitXml.MAX_BYTES) {
				throw new InvalidInputException(field, name + ": is larger than " + JunitXml.MAX_BYTES / (1024 * 1024) + " MB");
			}
			return new ReceivedFile(name, bytes);
		}
	}

	/**
	 * Lists runs, newest first ({@code sort=created} for oldest first). Filters: {@code aiSystem},
	 * {@code version}, {@code passing}, {@code commit}. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<TestRunView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) String version,
			@RequestParam(required = false) Boolean passing, @RequestParam(required = false) String commit,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort) {
		return runs.list(new TestRunFilter(aiSystem, version, passing, commit), new PageRequest(limit, after, sort));
	}

	/** The list (same filters) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	org.springframework.http.ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> export(
			@RequestParam(required = false) String format, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) String version, @RequestParam(required = false) Boolean passing,
			@RequestParam(required = false) String commit) {
		org.openaims.common.ExportFormat chosen = org.openaims.common.ExportFormat.parse(format == null ? "csv" : format);
		return org.openaims.reporting.ExportResponses.api(exports,
				runs.exportTable(new TestRunFilter(aiSystem, version, passing, commit), exports.batchRows()), chosen);
	}

	@GetMapping("/{id}")
	TestRunView get(@PathVariable UUID id) {
		return runs.get(id);
	}

	/** Every failing case of the run, in report order. */
	@GetMapping("/{id}/failures")
	Page<TestRunView.FailedCase> failures(@PathVariable UUID id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String after) {
		return runs.failures(id, limit, after);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return runs.history(id);
	}
}
