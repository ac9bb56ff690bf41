-- Who decided each approval request, kept on the request (comma-separated, in decision order), so an
-- inbox leaves out what its reader decided without reading the decisions of every pending request.
ALTER TABLE approval_requests ADD COLUMN deciders VARCHAR(4000);
UPDATE approval_requests a SET deciders = (SELECT LISTAGG(d.approver, ',') WITHIN GROUP (ORDER BY d.list_index)
    FROM approval_decisions d WHERE d.approval_request_id = a.id);
