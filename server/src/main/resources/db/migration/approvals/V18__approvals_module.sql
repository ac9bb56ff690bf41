-- Approvals became a module of their own (org.openaims.approvals); the tables approval_requests and
-- approval_decisions stay as they are. Events of theirs still waiting in the publication registry
-- are found under their new class names.
UPDATE event_publication SET event_type = REPLACE(event_type, 'org.openaims.governance.Approval', 'org.openaims.approvals.Approval')
 WHERE event_type LIKE 'org.openaims.governance.Approval%';
