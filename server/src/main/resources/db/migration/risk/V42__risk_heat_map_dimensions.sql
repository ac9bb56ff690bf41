-- The kept heat-map counts by category, status and organization-wide (no AI system) as well, so that
-- the heat map of one category or status (the register page's usual filters) is read from the counts
-- instead of grouping tens of thousands of risks per request. The whole register's heat map sums them.
DROP TABLE risk_cell_counts;
DROP TABLE risk_cells;

CREATE TABLE risk_cells (
    risk_id              UUID        NOT NULL PRIMARY KEY REFERENCES risks (id),
    category             VARCHAR(40) NOT NULL,
    status               VARCHAR(30) NOT NULL,
    organization_only    BOOLEAN     NOT NULL,
    criteria_id          UUID        NOT NULL,
    likelihood           INT         NOT NULL,
    impact               INT         NOT NULL,
    residual_criteria_id UUID,
    residual_likelihood  INT,
    residual_impact      INT
);

CREATE TABLE risk_cell_counts (
    kind              VARCHAR(10) NOT NULL,
    category          VARCHAR(40) NOT NULL,
    status            VARCHAR(30) NOT NULL,
    organization_only BOOLEAN     NOT NULL,
    criteria_id       UUID        NOT NULL,
    likelihood        INT         NOT NULL,
    impact            INT         NOT NULL,
    risks             BIGINT      NOT NULL,
    PRIMARY KEY (kind, category, status, organization_only, criteria_id, likelihood, impact)
);

INSERT INTO risk_cells (risk_id, category, status, organization_only, criteria_id, likelihood, impact, residual_criteria_id,
                        residual_likelihood, residual_impact)
SELECT id, category, status, CASE WHEN ai_system_id IS NULL THEN TRUE ELSE FALSE END, criteria_id, inherent_likelihood,
       inherent_impact, residual_criteria_id, residual_likelihood, residual_impact FROM risks;

INSERT INTO risk_cell_counts (kind, category, status, organization_only, criteria_id, likelihood, impact, risks)
SELECT 'INHERENT', category, status, organization_only, criteria_id, likelihood, impact, COUNT(*) FROM risk_cells
 GROUP BY category, status, organization_only, criteria_id, likelihood, impact;

INSERT INTO risk_cell_counts (kind, category, status, organization_only, criteria_id, likelihood, impact, risks)
SELECT 'RESIDUAL', category, status, organization_only, residual_criteria_id, residual_likelihood, residual_impact, COUNT(*)
  FROM risk_cells
 WHERE residual_criteria_id IS NOT NULL AND residual_likelihood IS NOT NULL AND residual_impact IS NOT NULL
 GROUP BY category, status, organization_only, residual_criteria_id, residual_likelihood, residual_impact;
