package org.openaims.ledger.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.openaims.common.NotFoundException;
import org.openaims.ledger.Ledger;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The ledger page for AIMS managers, auditors and administrators: checkpoint, key, verification, export. */
@Controller
@RequestMapping("/ledger")
class LedgerController {

	private final Ledger ledger;

	LedgerController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("publicKey", ledger.publicKey());
		try {
			model.addAttribute("checkpoint", ledger.latestCheckpoint());
		}
		catch (NotFoundException none) {
			model.addAttribute("checkpoint", null);
		}
		model.addAttribute("recent", ledger.entries(null, null, 1, null).items());
		return "ledger/index";
	}

	/** Runs a full verification and answers the result fragment (htmx). */
	@PostMapping("/verify")
	String verify(Model model) {
		model.addAttribute("verification", ledger.verify());
		return "ledger/index :: verification";
	}

	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export() {
		Ledger.ExportRange range = ledger.exportRange(null, null);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("ledger-" + LocalDate.now() + ".jsonl").build().toString())
			.body(out -> {
				Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
				ledger.export(range, writer);
				writer.flush();
			});
	}
}
