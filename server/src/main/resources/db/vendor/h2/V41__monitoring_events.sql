-- Operational events (issue 16). On H2 one plain table; on PostgreSQL it is partitioned by month.
CREATE TABLE monitoring_events (
    batch_id         UUID                     NOT NULL,
    idx              INTEGER                  NOT NULL,
    ai_system_id     UUID                     NOT NULL,
    system_version   VARCHAR(100),
    event_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    type             VARCHAR(32)              NOT NULL,
    name             VARCHAR(200),
    metric_value     DOUBLE PRECISION,
    severity         VARCHAR(16)              NOT NULL,
    late             BOOLEAN                  NOT NULL,
    body             VARCHAR(20000)           NOT NULL,
    PRIMARY KEY (batch_id, idx)
);
CREATE INDEX monitoring_events_system_time ON monitoring_events (ai_system_id, event_time, batch_id, idx);
