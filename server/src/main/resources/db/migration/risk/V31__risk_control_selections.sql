-- Which open risks select each control through a treatment action that is not cancelled (the
-- Statement of Applicability's "selected by", 6.1.3), kept at every save of a risk so that a
-- Statement of Applicability of a register with a million risks shows counts and the newest few
-- without reading every risk. The counts are kept beside them.
CREATE TABLE risk_control_selections (
    requirement_id UUID         NOT NULL,
    risk_id        UUID         NOT NULL REFERENCES risks (id),
    ref_no         INT          NOT NULL,
    title          VARCHAR(200) NOT NULL,
    PRIMARY KEY (requirement_id, risk_id)
);
CREATE INDEX risk_control_selections_newest_idx ON risk_control_selections (requirement_id, ref_no);
CREATE INDEX risk_control_selections_risk_idx ON risk_control_selections (risk_id);

CREATE TABLE control_selection_counts (
    requirement_id UUID   NOT NULL PRIMARY KEY,
    risks          BIGINT NOT NULL
);

INSERT INTO risk_control_selections (requirement_id, risk_id, ref_no, title)
SELECT DISTINCT c.requirement_id, r.id, r.ref_no, r.title
  FROM risk_action_controls c
  JOIN risk_actions a ON a.risk_id = c.risk_id AND a.action_id = c.action_id
  JOIN risks r ON r.id = c.risk_id
 WHERE r.status <> 'CLOSED' AND a.status <> 'CANCELLED';

INSERT INTO control_selection_counts (requirement_id, risks)
SELECT requirement_id, COUNT(*) FROM risk_control_selections GROUP BY requirement_id;
