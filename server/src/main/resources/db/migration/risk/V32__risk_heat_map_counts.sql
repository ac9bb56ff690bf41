-- The heat map of the whole register (the dashboard's) from counts kept at every save of a risk, not
-- by grouping a million risks per request. risk_cells holds the cells each risk counts in, so that a
-- save moves its counts from the old cells to the new.
CREATE TABLE risk_cells (
    risk_id              UUID NOT NULL PRIMARY KEY REFERENCES risks (id),
    criteria_id          UUID NOT NULL,
    likelihood           INT  NOT NULL,
    impact               INT  NOT NULL,
    residual_criteria_id UUID,
    residual_likelihood  INT,
    residual_impact      INT
);

CREATE TABLE risk_cell_counts (
    kind        VARCHAR(10) NOT NULL,
    criteria_id UUID        NOT NULL,
    likelihood  INT         NOT NULL,
    impact      INT         NOT NULL,
    risks       BIGINT      NOT NULL,
    PRIMARY KEY (kind, criteria_id, likelihood, impact)
);

INSERT INTO risk_cells (risk_id, criteria_id, likelihood, impact, residual_criteria_id, residual_likelihood, residual_impact)
SELECT id, criteria_id, inherent_likelihood, inherent_impact, residual_criteria_id, residual_likelihood, residual_impact FROM risks;

INSERT INTO risk_cell_counts (kind, criteria_id, likelihood, impact, risks)
SELECT 'INHERENT', criteria_id, inherent_likelihood, inherent_impact, COUNT(*) FROM risks
 GROUP BY criteria_id, inherent_likelihood, inherent_impact;

INSERT INTO risk_cell_counts (kind, criteria_id, likelihood, impact, risks)
SELECT 'RESIDUAL', residual_criteria_id, residual_likelihood, residual_impact, COUNT(*) FROM risks
 WHERE residual_criteria_id IS NOT NULL AND residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL
 GROUP BY residual_criteria_id, residual_likelihood, residual_impact;
