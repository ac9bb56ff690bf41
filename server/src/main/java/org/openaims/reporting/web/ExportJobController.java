package org.openaims.reporting.web;

import java.util.UUID;

import org.openaims.reporting.ExportJobView;
import org.openaims.reporting.Exports;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page that follows a background export: its progress (refreshed while it runs) and then its download link. */
@Controller
@RequestMapping("/exports")
class ExportJobController {

	private final Exports exports;

	ExportJobController(Exports exports) {
		this.exports = exports;
	}

	@GetMapping("/{id}")
	String job(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		ExportJobView job = exports.job(id);
		model.addAttribute("job", job);
		model.addAttribute("running", job.status() == ExportJobView.Status.WAITING || job.status() == ExportJobView.Status.RUNNING);
		return htmx != null ? "reporting/job :: progress" : "reporting/job";
	}

	@GetMapping("/{id}/file")
	ResponseEntity<InputStreamResource> file(@PathVariable UUID id) {
		return ExportJobApiController.ExportFiles.download(exports, id);
	}
}
