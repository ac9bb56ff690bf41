package org.openaims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what, written by hand: every REST operation of {@code /v3/api-docs} and every form post
 * of the web UI, for anonymous callers and each role, on the caller's own record and on someone
 * else's where ownership matters. {@link AuthorizationMatrixTests} checks every cell against the
 * running application and fails the build for an operation without a row. docs/SECURITY.md shows
 * the same table.
 *
 * <p>A cell is the HTTP status expected; {@code login} is a redirect to the sign-in page. A 2xx (or,
 * for a form, a 302 to a page other than the sign-in page) means the caller may: the test sends a
 * valid request and checks that it changed the state (for operations that write) or did not (for
 * those that read). Any other status means the caller may not, and the test checks nothing changed.
 * Scope: {@code own} — the record is the caller's (they own, reported or requested it); {@code other}
 * — it is someone else's; blank — ownership does not matter.
 */
final class AuthorizationMatrix {

	/** The principals of the columns, in order. */
	static final List<String> PRINCIPALS = List.of("anonymous", "ADMIN", "AIMS_MANAGER", "SYSTEM_OWNER", "RISK_OWNER",
			"APPROVER", "AUDITOR", "CONTRIBUTOR", "VIEWER", "TOP_MANAGEMENT");

	static final String TABLE = """
			# operation                                              scope  anon  ADMIN MGR   SYS   RISK  APPR  AUD   CONTR VIEW TOP
			# -- identity: tokens, users, security ---------------------------------------------------------------------------------
			POST   /api/v1/auth/token                                      201   201   201   201   201   201   201   201   201   201
			GET    /api/v1/tokens                                          401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/tokens                                          401   201   201   201   201   201   201   201   201   201
			DELETE /api/v1/tokens/{id}                              own    401   200   200   200   200   200   200   200   200   200
			DELETE /api/v1/tokens/{id}                              other  401   200   404   404   404   404   404   404   404   404
			GET    /api/v1/users                                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/users/{id}                                      401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/users                                           401   201   403   403   403   403   403   403   403   403
			PUT    /api/v1/users/{id}                                      401   200   403   403   403   403   403   403   403   403
			POST   /api/v1/users/{id}/password                             401   204   403   403   403   403   403   403   403   403
			GET    /api/v1/role-grants                                     401   200   403   403   403   403   403   403   403   403
			GET    /api/v1/security-log                                    401   200   403   403   403   403   403   403   403   403
			GET    /api/v1/sign-in-lockouts                                401   200   403   403   403   403   403   403   403   403
			DELETE /api/v1/sign-in-lockouts/{id}                           401   204   403   403   403   403   403   403   403   403
			# -- scope register: AI systems, vendors, scope statement ---------------------------------------------------------------
			GET    /api/v1/ai-systems                                      401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/ai-systems/export                               401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/ai-systems/{id}                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/ai-systems/{id}/history                         401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/ai-systems                                      401   201   201   201   403   403   403   403   403   403
			POST   /api/v1/ai-systems/import                               401   200   200   403   403   403   403   403   403   403
			PUT    /api/v1/ai-systems/{id}                          own    401   200   200   200   403   403   403   403   403   403
			PUT    /api/v1/ai-systems/{id}                          other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/ai-systems/{id}/retire                   own    401   200   200   200   403   403   403   403   403   403
			POST   /api/v1/ai-systems/{id}/retire                   other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/ai-systems/{id}/versions                 own    401   201   201   201   403   403   403   403   403   403
			POST   /api/v1/ai-systems/{id}/versions                 other  401   201   201   403   403   403   403   403   403   403
			GET    /api/v1/vendors                                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/vendors/export                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/vendors/{id}                                    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/vendors/{id}/history                            401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/vendors                                         401   201   201   201   403   403   403   403   403   403
			POST   /api/v1/vendors/import                                  401   200   200   403   403   403   403   403   403   403
			PUT    /api/v1/vendors/{id}                                    401   200   200   200   403   403   403   403   403   403
			POST   /api/v1/vendors/{id}/retire                             401   200   200   200   403   403   403   403   403   403
			GET    /api/v1/scope                                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/scope/history                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/scope/versions                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/scope/versions/{versionNo}                      401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/scope                                           401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/scope/versions/{versionNo}/submit               401   200   200   403   403   403   403   403   403   403
			# -- approvals ----------------------------------------------------------------------------------------------------------
			GET    /api/v1/approvals                                       401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/approvals/export                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/approvals/inbox                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/approvals/{id}                                  401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/approvals/{id}/decisions                 own    401   403   403   403   403   403   403   403   403   403
			POST   /api/v1/approvals/{id}/decisions                 other  401   403   200   403   403   200   403   403   403   403
			POST   /api/v1/approvals/{id}/withdraw                  own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/approvals/{id}/withdraw                  other  401   200   200   403   403   403   403   403   403   403
			# -- policies -----------------------------------------------------------------------------------------------------------
			GET    /api/v1/policies                                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/export                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/overdue-reviews                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}/acknowledgements                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}/diff                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}/history                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}/versions/{no}                     401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/policies/{id}/versions/{no}/file                401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies                                        401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/policies/{id}                            own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/policies/{id}                            other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/rename                     own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies/{id}/rename                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/retire                     own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies/{id}/retire                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/versions                   own    401   201   201   201   201   201   201   201   201   201
			POST   /api/v1/policies/{id}/versions                   other  401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/policies/{id}/versions/{no}              own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/policies/{id}/versions/{no}              other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/versions/{no}/file         own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies/{id}/versions/{no}/file         other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/versions/{no}/submit       own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies/{id}/versions/{no}/submit       other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/versions/{no}/publish      own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/policies/{id}/versions/{no}/publish      other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/policies/{id}/acknowledgements                  401   200   200   200   200   200   200   200   200   200
			# -- RACI, objectives, concerns -----------------------------------------------------------------------------------------
			GET    /api/v1/responsibilities                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/responsibilities/export                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/responsibilities/gaps                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/responsibilities/{type}/{ref}                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/responsibilities/{type}/{ref}/history           401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/responsibilities/{type}/{ref}            own    401   200   200   200   403   403   403   403   403   403
			PUT    /api/v1/responsibilities/{type}/{ref}            other  401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/objectives                                      401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/objectives/export                               401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/objectives/{id}                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/objectives/{id}/history                         401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/objectives                                      401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/objectives/{id}                          own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/objectives/{id}                          other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/objectives/{id}/progress                 own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/objectives/{id}/progress                 other  401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/concerns                                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/concerns/export                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/concerns/{id}                            own    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/concerns/{id}                            other  401   200   200   404   404   404   404   404   404   404
			GET    /api/v1/concerns/{id}/history                    own    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/concerns/{id}/history                    other  401   200   200   404   404   404   404   404   404   404
			POST   /api/v1/concerns                                        401   201   201   201   201   201   201   201   201   201
			POST   /api/v1/concerns/{id}/notes                      own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/concerns/{id}/notes                      other  401   200   200   404   404   404   404   404   404   404
			POST   /api/v1/concerns/{id}/triage                     own    401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/concerns/{id}/triage                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/public/concerns                                 201   201   201   201   201   201   201   201   201   201
			POST   /api/v1/public/concerns/follow                          200   200   200   200   200   200   200   200   200   200
			POST   /api/v1/public/concerns/notes                           200   200   200   200   200   200   200   200   200   200
			# -- catalog, Statement of Applicability --------------------------------------------------------------------------------
			GET    /api/v1/frameworks                                      401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/frameworks/{id}                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/frameworks/{id}/requirements                    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/frameworks/{id}/requirements/{ref}              401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/frameworks                                      401   201   201   403   403   403   403   403   403   403
			DELETE /api/v1/frameworks/{id}                                 401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/mappings                                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/mappings/sets                                   401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/mappings                                        401   201   201   403   403   403   403   403   403   403
			GET    /api/v1/soa                                             401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/soa/{id}                                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/soa/{id}/diff                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/soa/{id}/export                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/soa/{id}/history                                401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/soa                                             401   201   201   403   403   403   403   403   403   403
			PATCH  /api/v1/soa/{id}/entries                                401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/soa/{id}/submit                                 401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/control-implementations                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/control-implementations/{requirementId}         401   200   200   200   200   200   200   200   200   200
			# -- risk ---------------------------------------------------------------------------------------------------------------
			GET    /api/v1/risk-criteria                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risk-criteria/current                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risk-criteria/{id}                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risk-criteria/{id}/history                      401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risk-criteria                                   401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/risk-criteria/{id}                              401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risk-criteria/{id}/submit                       401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/risks                                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risks/categories                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risks/export                                    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risks/heatmap                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risks/{id}                                      401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/risks/{id}/history                              401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks                                           401   201   201   201   201   403   403   403   403   403
			POST   /api/v1/risks/categories                                401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/risks/{id}                               own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/risks/{id}                               other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risks/{id}/assessments                   own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks/{id}/assessments                   other  401   200   200   403   403   403   403   403   403   403
			PUT    /api/v1/risks/{id}/treatment                     own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/risks/{id}/treatment                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risks/{id}/residual                      own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks/{id}/residual                      other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risks/{id}/actions/{actionId}/done       own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks/{id}/actions/{actionId}/done       other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risks/{id}/acceptance                    own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks/{id}/acceptance                    other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/risks/{id}/close                         own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/risks/{id}/close                         other  401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/impact-assessments                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/impact-assessments/{id}                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/impact-assessments/{id}/history                 401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/impact-assessments                       own    401   201   201   201   201   403   403   403   403   403
			POST   /api/v1/impact-assessments                       other  401   201   201   403   201   403   403   403   403   403
			PUT    /api/v1/impact-assessments/{id}                  own    401   200   200   200   200   403   403   403   403   403
			PUT    /api/v1/impact-assessments/{id}                  other  401   200   200   403   200   403   403   403   403   403
			POST   /api/v1/impact-assessments/{id}/submit           own    401   200   200   200   200   403   403   403   403   403
			POST   /api/v1/impact-assessments/{id}/submit           other  401   200   200   403   200   403   403   403   403   403
			# -- evidence and competence --------------------------------------------------------------------------------------------
			GET    /api/v1/evidence                                        401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/evidence/export                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/evidence/{id}                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/evidence/{id}/history                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/evidence/{id}/versions/{no}/file                401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/evidence                                        401   201   201   201   201   403   403   201   403   403
			POST   /api/v1/evidence/files                                  401   201   201   201   201   403   403   201   403   403
			PUT    /api/v1/evidence/{id}                            own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/evidence/{id}                            other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/evidence/{id}/versions                   own    401   201   201   201   201   201   201   201   201   201
			POST   /api/v1/evidence/{id}/versions                   other  401   201   201   403   403   403   403   403   403   403
			GET    /api/v1/competences                                     401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/competences/export                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/competences/gaps                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/competences/{id}                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/competences/{id}/history                        401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/competences                                     401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/competences/{id}                                401   200   200   403   403   403   403   403   403   403
			# -- monitoring: events, proofs, rules, incidents, reporting clocks ---------------------------------------------------------------------
			POST   /api/v1/events                                          401   201   201   201   403   403   403   201   403   403
			GET    /api/v1/events                                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/event-batches                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/event-batches/{id}                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/event-batches/{id}/events/{index}/proof         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/monitoring/systems/{id}/series                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/monitoring/systems/{id}/retention               401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/monitoring/systems/{id}/retention               401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/monitoring-rules                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/monitoring-rules/{id}                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/monitoring-rules/{id}/history                   401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/monitoring-rules                         own    401   201   201   201   403   403   403   403   403   403
			POST   /api/v1/monitoring-rules                         other  401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/monitoring-rules/{id}                    own    401   200   200   200   403   403   403   403   403   403
			PUT    /api/v1/monitoring-rules/{id}                    other  401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/incidents                                       401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents                                       401   201   201   201   201   403   403   201   403   403
			GET    /api/v1/incidents/{id}                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/incidents/{id}/history                          401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/incidents/{id}                           own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/incidents/{id}                           other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/notes                     own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents/{id}/notes                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/reports/{reportId}/submission own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents/{id}/reports/{reportId}/submission other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/reports/{reportId}/follow-ups own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents/{id}/reports/{reportId}/follow-ups other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/nonconformity             own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents/{id}/nonconformity             other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/resolution                own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/incidents/{id}/resolution                other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/incidents/{id}/closure                          401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/reporting-clocks                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/reporting-rules                                 401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/reporting-rules/{jurisdiction}                  401   200   200   403   403   403   403   403   403   403
			# -- assurance: context, audit programme, audits, nonconformities and CAPA, management reviews ---------------------------------------
			GET    /api/v1/context-entries                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/context-entries/export                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/context-entries/{id}                            401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/context-entries/{id}/history                    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/context-entries                                 401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/context-entries/{id}                            401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/context-entries/{id}/review                     401   200   200   403   403   403   403   403   403   403
			GET    /api/v1/audit-programmes                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audit-programmes/export                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audit-programmes/{id}                           401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audit-programmes/{id}/history                   401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/audit-programmes                                401   201   201   403   403   403   201   403   403   403
			PUT    /api/v1/audit-programmes/{id}                           401   200   200   403   403   403   200   403   403   403
			POST   /api/v1/audit-programmes/{id}/submit                    401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/audits                                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audits/export                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audits/{id}                                     401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audits/{id}/history                             401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/audits/{id}/report                              401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/audits                                          401   201   201   403   403   403   201   403   403   403
			PUT    /api/v1/audits/{id}                                     401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/audits/{id}/start                               401   200   200   403   403   403   403   403   403   403
			PUT    /api/v1/audits/{id}/items/{no}                   own    401   200   200   403   403   403   200   403   403   403
			PUT    /api/v1/audits/{id}/items/{no}                   other  401   403   403   403   403   403   403   403   403   403
			POST   /api/v1/audits/{id}/exceptions                          401   201   201   403   403   403   403   403   403   403
			POST   /api/v1/audits/{id}/report                       own    401   200   200   403   403   403   200   403   403   403
			POST   /api/v1/audits/{id}/report                       other  401   403   403   403   403   403   403   403   403   403
			GET    /api/v1/nonconformities                                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/nonconformities/export                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/nonconformities/overdue-actions                 401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/nonconformities/trends                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/nonconformities/{id}                            401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/nonconformities/{id}/history                    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/nonconformities                                 401   201   201   201   201   403   201   201   403   403
			PUT    /api/v1/nonconformities/{id}                     own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/nonconformities/{id}                     other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/nonconformities/{id}/accept                     401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/nonconformities/{id}/dismiss                    401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/nonconformities/{id}/actions             own    401   201   201   201   201   201   201   201   201   201
			POST   /api/v1/nonconformities/{id}/actions             other  401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/nonconformities/{id}/actions/{actionId}  own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/nonconformities/{id}/actions/{actionId}  other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/nonconformities/{id}/effectiveness              401   200   200   403   403   403   200   403   403   403
			POST   /api/v1/nonconformities/{id}/submit              own    401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/nonconformities/{id}/submit              other  401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/nonconformities/{id}/follow-up                  401   201   201   403   403   403   201   403   403   403
			GET    /api/v1/management-reviews                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/management-reviews/export                       401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/management-reviews/{id}                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/management-reviews/{id}/inputs                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/management-reviews/{id}/pdf                     401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/management-reviews/{id}/history                 401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/management-reviews                              401   201   201   403   403   403   403   403   403   403
			PUT    /api/v1/management-reviews/{id}                         401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/management-reviews/{id}/hold                    401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/management-reviews/{id}/submit                  401   200   200   403   403   403   403   403   403   403
			PUT    /api/v1/management-reviews/{id}/actions/{actionId} own    401   200   200   200   200   200   200   200   200   200
			PUT    /api/v1/management-reviews/{id}/actions/{actionId} other  401   200   200   403   403   403   403   403   403   403
			# -- lifecycle: test runs, thresholds, changes, the release gate, deployments ---------------------------------------------
			GET    /api/v1/test-runs                                       401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/test-runs/export                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/test-runs/{id}                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/test-runs/{id}/failures                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/test-runs/{id}/history                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/test-runs/{id}/evaluation                       401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/test-runs                                       401   201   201   201   403   403   403   201   403   403
			GET    /api/v1/metric-thresholds                               401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/metric-thresholds/{id}                          401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/metric-thresholds/{id}/history                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/metric-trends                                   401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/metric-thresholds                        own    401   201   201   201   403   403   403   403   403   403
			POST   /api/v1/metric-thresholds                        other  401   201   201   403   403   403   403   403   403   403
			GET    /api/v1/gate-policies                                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/gate-policies/{id}                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/gate-policies/{id}/history                      401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/gate-policies                                   401   201   201   403   403   403   403   403   403   403
			POST   /api/v1/gate-policies/check                             401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/changes                                         401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/changes/export                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/changes/{id}                                    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/changes/{id}/history                            401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/changes/{id}/gate                               401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/changes                                  own    401   201   201   201   403   403   403   201   403   403
			POST   /api/v1/changes                                  other  401   201   201   403   403   403   403   201   403   403
			PUT    /api/v1/changes/{id}                                    401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/changes/{id}/submit                             401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/changes/{id}/cancel                             401   200   200   403   403   403   403   403   403   403
			POST   /api/v1/changes/{id}/gate                               401   201   201   201   403   201   403   201   403   403
			GET    /api/v1/gate-decisions                                  401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/gate-decisions/{id}                             401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/gate-decisions/{id}/statement                   401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/deployments                                     401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/deployments/export                              401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/deployments/timeline                            401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/deployments/{id}                                401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/deployments/{id}/history                        401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/deployments                                     401   201   201   201   403   403   403   201   403   403
			POST   /api/v1/deployments/rollbacks                           401   201   201   201   403   403   403   201   403   403
			# -- ledger -------------------------------------------------------------------------------------------------------------
			GET    /api/v1/ledger/checkpoints                              401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/checkpoints/latest                       401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/entries                                  401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/entries/{seq}                            401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/export                                   401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/proofs/consistency                       401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/proofs/inclusion                         401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/verify                                   401   200   200   403   403   403   200   403   403   403
			GET    /api/v1/ledger/public-key                               401   200   200   200   200   200   200   200   200   200
			POST   /api/v1/ledger/key-rotations                            401   201   403   403   403   403   403   403   403   403
			# -- reporting: background exports --------------------------------------------------------------------------------------
			GET    /api/v1/exports/{id}                             own    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/exports/{id}                             other  401   200   404   404   404   404   404   404   404   404
			GET    /api/v1/exports/{id}/file                        own    401   200   200   200   200   200   200   200   200   200
			GET    /api/v1/exports/{id}/file                        other  401   200   404   404   404   404   404   404   404   404
			# == web UI form posts ============================================================================================
			POST   /account/password                                       login 302   302   302   302   302   302   302   302   302
			POST   /tokens                                                 login 302   302   302   302   302   302   302   302   302
			POST   /tokens/{id}/revoke                              own    login 302   302   302   302   302   302   302   302   302
			POST   /tokens/{id}/revoke                              other  login 302   404   404   404   404   404   404   404   404
			POST   /admin/users/new                                        login 302   403   403   403   403   403   403   403   403
			POST   /admin/users/{id}/edit                                  login 302   403   403   403   403   403   403   403   403
			POST   /admin/users/{id}/password                              login 302   403   403   403   403   403   403   403   403
			POST   /admin/security/lockouts/{id}/lift                      login 302   403   403   403   403   403   403   403   403
			POST   /ai-systems/new                                         login 302   302   302   403   403   403   403   403   403
			POST   /ai-systems/import                                      login 200   200   403   403   403   403   403   403   403
			POST   /ai-systems/{id}/edit                            own    login 302   302   302   403   403   403   403   403   403
			POST   /ai-systems/{id}/edit                            other  login 302   302   403   403   403   403   403   403   403
			POST   /ai-systems/{id}/retire                          own    login 302   302   302   403   403   403   403   403   403
			POST   /ai-systems/{id}/retire                          other  login 302   302   403   403   403   403   403   403   403
			POST   /ai-systems/{id}/versions                        own    login 302   302   302   403   403   403   403   403   403
			POST   /ai-systems/{id}/versions                        other  login 302   302   403   403   403   403   403   403   403
			POST   /vendors/new                                            login 302   302   302   403   403   403   403   403   403
			POST   /vendors/import                                         login 200   200   403   403   403   403   403   403   403
			POST   /vendors/{id}/edit                                      login 302   302   302   403   403   403   403   403   403
			POST   /vendors/{id}/retire                                    login 302   302   302   403   403   403   403   403   403
			POST   /scope/edit                                             login 302   302   403   403   403   403   403   403   403
			POST   /scope/versions/{versionNo}/submit                      login 302   302   403   403   403   403   403   403   403
			POST   /approvals/{id}/decide                           own    login 403   403   403   403   403   403   403   403   403
			POST   /approvals/{id}/decide                           other  login 403   302   403   403   302   403   403   403   403
			POST   /approvals/{id}/withdraw                         own    login 302   302   302   302   302   302   302   302   302
			POST   /approvals/{id}/withdraw                         other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/new                                           login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/edit                              own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/edit                              other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/rename                            own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/rename                            other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/retire                            own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/retire                            other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/versions                          own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/versions                          other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/versions/{no}                     own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/versions/{no}                     other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/versions/{no}/file                own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/versions/{no}/file                other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/versions/{no}/submit              own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/versions/{no}/submit              other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/versions/{no}/publish             own    login 302   302   302   302   302   302   302   302   302
			POST   /policies/{id}/versions/{no}/publish             other  login 302   302   403   403   403   403   403   403   403
			POST   /policies/{id}/acknowledge                              login 302   302   302   302   302   302   302   302   302
			POST   /responsibilities/edit                           own    login 302   302   302   403   403   403   403   403   403
			POST   /responsibilities/edit                           other  login 302   302   403   403   403   403   403   403   403
			POST   /objectives/new                                         login 302   302   403   403   403   403   403   403   403
			POST   /objectives/{id}/edit                            own    login 302   302   302   302   302   302   302   302   302
			POST   /objectives/{id}/edit                            other  login 302   302   403   403   403   403   403   403   403
			POST   /objectives/{id}/progress                        own    login 302   302   302   302   302   302   302   302   302
			POST   /objectives/{id}/progress                        other  login 302   302   403   403   403   403   403   403   403
			POST   /concerns/new                                           login 302   302   302   302   302   302   302   302   302
			POST   /concerns/{id}/notes                             own    login 302   302   302   302   302   302   302   302   302
			POST   /concerns/{id}/notes                             other  login 302   302   404   404   404   404   404   404   404
			POST   /concerns/{id}/triage                            own    login 302   302   403   403   403   403   403   403   403
			POST   /concerns/{id}/triage                            other  login 302   302   403   403   403   403   403   403   403
			POST   /report-concern                                         200   200   200   200   200   200   200   200   200   200
			POST   /report-concern/follow                                  200   200   200   200   200   200   200   200   200   200
			POST   /frameworks/import                                      login 200   200   403   403   403   403   403   403   403
			POST   /frameworks/import/preview                              login 200   200   403   403   403   403   403   403   403
			POST   /frameworks/{id}/remove                                 login 302   302   403   403   403   403   403   403   403
			POST   /soa                                                    login 302   302   403   403   403   403   403   403   403
			POST   /soa/{id}/bulk                                          login 302   302   403   403   403   403   403   403   403
			POST   /soa/{id}/entries/{requirementId}                       login 302   302   403   403   403   403   403   403   403
			POST   /soa/{id}/submit                                        login 302   302   403   403   403   403   403   403   403
			POST   /risk-criteria/new                                      login 302   302   403   403   403   403   403   403   403
			POST   /risk-criteria/{id}/submit                              login 302   302   403   403   403   403   403   403   403
			POST   /risks/new                                              login 302   302   302   302   403   403   403   403   403
			POST   /risks/{id}/edit                                 own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/edit                                 other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/assessments                          own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/assessments                          other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/treatment                            own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/treatment                            other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/actions/{actionId}/done              own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/actions/{actionId}/done              other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/residual                             own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/residual                             other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/acceptance                           own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/acceptance                           other  login 302   302   403   403   403   403   403   403   403
			POST   /risks/{id}/close                                own    login 302   302   302   302   302   302   302   302   302
			POST   /risks/{id}/close                                other  login 302   302   403   403   403   403   403   403   403
			POST   /impact-assessments                              own    login 302   302   302   302   403   403   403   403   403
			POST   /impact-assessments                              other  login 302   302   403   302   403   403   403   403   403
			POST   /impact-assessments/{id}                         own    login 302   302   302   302   403   403   403   403   403
			POST   /impact-assessments/{id}                         other  login 302   302   403   302   403   403   403   403   403
			POST   /impact-assessments/{id}/submit                  own    login 302   302   302   302   403   403   403   403   403
			POST   /impact-assessments/{id}/submit                  other  login 302   302   403   302   403   403   403   403   403
			POST   /ledger/verify                                          login 200   200   403   403   403   200   403   403   403
			POST   /assurance/programmes                                   login 302   302   403   403   403   302   403   403   403
			POST   /assurance/programmes/{id}/submit                       login 302   302   403   403   403   302   403   403   403
			POST   /assurance/audits                                       login 302   302   403   403   403   302   403   403   403
			POST   /assurance/audits/{id}/start                            login 302   302   403   403   403   403   403   403   403
			POST   /assurance/audits/{id}/items/{no}                own    login 302   302   403   403   403   302   403   403   403
			POST   /assurance/audits/{id}/report                    own    login 302   302   403   403   403   302   403   403   403
			POST   /assurance/nonconformities                              login 302   302   302   302   403   302   302   403   403
			POST   /assurance/nonconformities/{id}/analysis         own    login 302   302   302   302   302   302   302   302   302
			POST   /assurance/nonconformities/{id}/actions          own    login 302   302   302   302   302   302   302   302   302
			POST   /assurance/nonconformities/{id}/actions/{actionId} own    login 302   302   302   302   302   302   302   302   302
			POST   /assurance/nonconformities/{id}/effectiveness           login 302   302   403   403   403   302   403   403   403
			POST   /assurance/nonconformities/{id}/submit           own    login 302   302   302   302   302   302   302   302   302
			POST   /assurance/nonconformities/{id}/accept                  login 302   302   403   403   403   403   403   403   403
			POST   /assurance/reviews                                      login 302   302   403   403   403   403   403   403   403
			POST   /assurance/reviews/{id}/hold                            login 302   302   403   403   403   403   403   403   403
			POST   /assurance/reviews/{id}/output                          login 302   302   403   403   403   403   403   403   403
			POST   /assurance/reviews/{id}/submit                          login 302   302   403   403   403   403   403   403   403
			POST   /assurance/context                                      login 302   302   403   403   403   403   403   403   403
			POST   /assurance/context/{id}/review                          login 302   302   403   403   403   403   403   403   403
			POST   /assurance/audits/{id}/exceptions                       login 302   302   403   403   403   403   403   403   403
			POST   /assurance/nonconformities/{id}/dismiss                 login 302   302   403   403   403   403   403   403   403
			POST   /assurance/reviews/{id}/actions/{actionId}       own    login 302   302   302   302   302   302   302   302   302
			POST   /assurance/programmes/{id}                              login 302   302   403   403   403   302   403   403   403
			POST   /assurance/context/{id}                                 login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/systems/{id}/rules                   own    login 302   302   302   403   403   403   403   403   403
			POST   /monitoring/systems/{id}/rules                   other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/new                               login 302   302   302   302   403   403   302   403   403
			POST   /monitoring/incidents/{id}/edit                  own    login 302   302   302   302   302   302   302   302   302
			POST   /monitoring/incidents/{id}/edit                  other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/{id}/notes                 own    login 302   302   302   302   302   302   302   302   302
			POST   /monitoring/incidents/{id}/notes                 other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/{id}/reports/{reportId}/submit own    login 302   302   302   302   302   302   302   302   302
			POST   /monitoring/incidents/{id}/reports/{reportId}/submit other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/{id}/resolve               own    login 302   302   302   302   302   302   302   302   302
			POST   /monitoring/incidents/{id}/resolve               other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/{id}/nonconformity         own    login 302   302   302   302   302   302   302   302   302
			POST   /monitoring/incidents/{id}/nonconformity         other  login 302   302   403   403   403   403   403   403   403
			POST   /monitoring/incidents/{id}/close                        login 302   302   403   403   403   403   403   403   403
			POST   /lifecycle/changes/new                           own    login 302   302   302   403   403   403   302   403   403
			POST   /lifecycle/changes/new                           other  login 302   302   403   403   403   403   302   403   403
			POST   /lifecycle/changes/{id}/edit                            login 302   302   403   403   403   403   403   403   403
			POST   /lifecycle/changes/{id}/submit                          login 302   302   403   403   403   403   403   403   403
			POST   /lifecycle/changes/{id}/gate                            login 302   302   302   403   302   403   302   403   403
			POST   /lifecycle/systems/{id}/thresholds               own    login 302   302   302   403   403   403   403   403   403
			POST   /lifecycle/systems/{id}/thresholds               other  login 302   302   403   403   403   403   403   403   403
			POST   /lifecycle/gate-policies                                login 302   302   403   403   403   403   403   403   403
			POST   /evidence/new                                           login 302   302   302   302   403   403   302   403   403
			POST   /evidence/{id}/edit                              own    login 302   302   302   302   302   302   302   302   302
			POST   /evidence/{id}/edit                              other  login 302   302   403   403   403   403   403   403   403
			POST   /evidence/{id}/versions                          own    login 302   302   302   302   302   302   302   302   302
			POST   /evidence/{id}/versions                          other  login 302   302   403   403   403   403   403   403   403
			POST   /competences/new                                        login 302   302   403   403   403   403   403   403   403
			POST   /competences/{id}/edit                                  login 302   302   403   403   403   403   403   403   403
			""";

	/** One row: the operation, the scope, and the expected outcome per principal. */
	record Row(String method, String path, String scope, Map<String, String> expected, int line) {

		String operation() {
			return method + " " + path;
		}

		String key() {
			return operation() + (scope.isEmpty() ? "" : " [" + scope + "]");
		}

		boolean ui() {
			return !path.startsWith("/api/");
		}
	}

	private AuthorizationMatrix() {
	}

	static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		String[] lines = TABLE.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\\s+");
			int expectedCells = PRINCIPALS.size();
			boolean scoped = cells.length == 2 + 1 + expectedCells;
			if (!scoped && cells.length != 2 + expectedCells) {
				throw new IllegalStateException("line " + (i + 1) + " of the matrix has " + cells.length + " cells: " + line);
			}
			String scope = scoped ? cells[2] : "";
			if (scoped && !scope.equals("own") && !scope.equals("other")) {
				throw new IllegalStateException("line " + (i + 1) + ": scope must be own or other, not " + scope);
			}
			Map<String, String> expected = new LinkedHashMap<>();
			int first = scoped ? 3 : 2;
			for (int p = 0; p < expectedCells; p++) {
				String cell = cells[first + p];
				if (!cell.matches("[1-5][0-9][0-9]|login")) {
					throw new IllegalStateException("line " + (i + 1) + ": '" + cell + "' is not a status or 'login'");
				}
				expected.put(PRINCIPALS.get(p), cell);
			}
			rows.add(new Row(cells[0], cells[1], scope, expected, i + 1));
		}
		return rows;
	}
}
