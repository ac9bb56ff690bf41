package org.openaims.risk.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.openaims.reporting.Exports;
import org.openaims.common.Page;
import org.openaims.common.PageRequest;
import org.openaims.ledger.HistoryEntry;
import org.openaims.risk.AcceptanceRequest;
import org.openaims.risk.HeatMap;
import org.openaims.risk.RiskCategory;
import org.openaims.risk.RiskDetails;
import org.openaims.risk.RiskFilter;
import org.openaims.risk.ActionDone;
import org.openaims.risk.RiskId;
import org.openaims.risk.RiskService;
import org.openaims.risk.RiskViews;
import org.openaims.risk.RiskStatus;
import org.openaims.risk.RiskView;
import org.openaims.risk.ScoreKind;
import org.openaims.risk.Scores;
import org.openaims.risk.Treatment;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AI risk register over REST: list with filters, heat map, risks with assessment, treatment,
 * residual assessment, acceptance, closing, history, exports and the hazard taxonomy.
 */
@RestController
@RequestMapping("/api/v1/risks")
class RiskApiController {

	private final RiskService risks;

	private final RiskViews views;

	private final Exports exports;

	RiskApiController(RiskService risks, RiskViews views, Exports exports) {
		this.exports = exports;
		this.risks = risks;
		this.views = views;
	}

	/**
	 * Lists risks. Filters: {@code aiSystem}, {@code organization} (true: risks of no system),
	 * {@code category}, {@code owner}, {@code status}, {@code level} (inherent), {@code residualLevel},
	 * {@code reassessment}, {@code q} (text or RISK-n), and a heat-map cell: {@code scores}
	 * (INHERENT or RESIDUAL), {@code likelihood}, {@code impact}; {@code control} (a requirement id: the
	 * open risks that select it). Sort: {@code review} (default),
	 * {@code title}, {@code updated}, prefix {@code -} for descending. Pages: {@code limit}, {@code after}.
	 */
	@GetMapping
	Page<RiskView> list(@RequestParam(required = false) UUID aiSystem, @RequestParam(required = false) Boolean organization,
			@RequestParam(required = false) String category, @RequestParam(required = false) String owner,
			@RequestParam(required = false) RiskStatus status, @RequestParam(required = false) String level,
			@RequestParam(required = false) String residualLevel, @RequestParam(required = false) Boolean reassessment,
			@RequestParam(required = false) String q, @RequestParam(required = false) ScoreKind scores,
			@RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer impact,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after,
			@RequestParam(required = false) String sort,
			@RequestParam(required = false) UUID control) {
		return views.list(new RiskFilter(aiSystem, organization, category, owner, status, level, residualLevel, reassessment, q, scores,
				likelihood, impact).withControl(control), new PageRequest(limit, after, sort));
	}

	/** Risks per likelihood × impact cell for the same filters as the list; {@code kind} INHERENT (default) or RESIDUAL. */
	@GetMapping("/heatmap")
	HeatMap heatMap(@RequestParam(required = false) ScoreKind kind, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) Boolean organization, @RequestParam(required = false) String category,
			@RequestParam(required = false) String owner, @RequestParam(required = false) RiskStatus status,
			@RequestParam(required = false) String level, @RequestParam(required = false) String residualLevel,
			@RequestParam(required = false) Boolean reassessment, @RequestParam(required = false) String q) {
		return views.heatMap(new RiskFilter(aiSystem, organization, category, owner, status, level, residualLevel, reassessment, q, null,
				null, null), kind == null ? ScoreKind.INHERENT : kind);
	}

	/** The register (same filters as the list) as {@code csv} (default), {@code xlsx} or {@code pdf}. */
	@GetMapping("/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String format, @RequestParam(required = false) UUID aiSystem,
			@RequestParam(required = false) Boolean organization, @RequestParam(required = false) String category,
			@RequestParam(required = false) String owner, @RequestParam(required = false) RiskStatus status,
			@RequestParam(required = false) String level, @RequestParam(required = false) String residualLevel,
			@RequestParam(required = false) Boolean reassessment, @RequestParam(required = false) String q) {
		return RiskDownloads.api(views, exports, new RiskFilter(aiSystem, organization, category, owner, status, level, residualLevel,
				reassessment, q, null, null, null), format);
	}

	@GetMapping("/categories")
	List<RiskCategory> categories() {
		return views.categories();
	}

	@PostMapping("/categories")
	ResponseEntity<RiskCategory> addCategory(@Valid @RequestBody RiskCategory category) {
		return ResponseEntity.status(201).body(risks.addCategory(category));
	}

	@GetMapping("/{id}")
	RiskView get(@PathVariable UUID id) {
		return views.get(id);
	}

	@GetMapping("/{id}/history")
	List<HistoryEntry> history(@PathVariable UUID id) {
		return views.history(id);
	}

	@PostMapping
	ResponseEntity<RiskView> identify(@Valid @RequestBody RiskDetails details) {
		RiskView created = risks.identify(details);
		return ResponseEntity.created(URI.create("/api/v1/risks/" + created.id())).body(created);
	}

	@PutMapping("/{id}")
	RiskView change(@PathVariable UUID id, @Valid @RequestBody RiskDetails details) {
		return risks.change(id, details);
	}

	/** Reassesses the inherent likelihood and impact. */
	@PostMapping("/{id}/assessments")
	RiskView assess(@PathVariable UUID id, @Valid @RequestBody Scores scores) {
		return risks.assess(id, scores);
	}

	@PutMapping("/{id}/treatment")
	RiskView plan(@PathVariable UUID id, @Valid @RequestBody Treatment treatment) {
		return risks.plan(id, treatment);
	}

	/** Records the residual likelihood and impact reached. */
	@PostMapping("/{id}/residual")
	RiskView residual(@PathVariable UUID id, @Valid @RequestBody Scores scores) {
		return risks.assessResidual(id, scores);
	}

	/** Asks for the residual risk to be accepted by a role allowed for its level. */
	@PostMapping("/{id}/acceptance")
	RiskView requestAcceptance(@PathVariable UUID id, @Valid @RequestBody AcceptanceRequest request) {
		return risks.requestAcceptance(id, request);
	}

	/** Closes the risk; body {@code {"reason": "…"}}. */
	/**
	 * Marks one treatment action done, on {@code doneOn} (today when not given): its owner may, as may
	 * whoever may change the risk. A pending or given acceptance becomes void.
	 */
	@PostMapping("/{id}/actions/{actionId}/done")
	RiskView actionDone(@PathVariable RiskId id, @PathVariable UUID actionId, @Valid @RequestBody(required = false) ActionDone done) {
		return risks.markActionDone(id, actionId, done);
	}

	@PostMapping("/{id}/close")
	RiskView close(@PathVariable UUID id, @RequestBody CloseRequest request) {
		return risks.close(id, request.reason());
	}

	/** Why a risk is closed. */
	record CloseRequest(String reason) {
	}
}
