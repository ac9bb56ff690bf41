-- Operational events (issue 16), partitioned by month of event time. Rows of a month without a
-- partition go to the default partition. The application's role has no DDL rights, so partitions
-- are made by monitoring_events_partitions(), a SECURITY DEFINER function of the migration owner,
-- which the monitoring scheduler calls daily (months ahead are made before their events arrive).
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
    body             TEXT                     NOT NULL
) PARTITION BY RANGE (event_time);
CREATE TABLE monitoring_events_default PARTITION OF monitoring_events DEFAULT;
CREATE INDEX monitoring_events_batch ON monitoring_events (batch_id, idx);
CREATE INDEX monitoring_events_system_time ON monitoring_events (ai_system_id, event_time, batch_id, idx);

CREATE FUNCTION monitoring_events_partitions(months_ahead INTEGER) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    m     DATE;
    made  INTEGER := 0;
    part  TEXT;
BEGIN
    FOR i IN -1..LEAST(months_ahead, 24) LOOP
        m := (date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date;
        part := 'monitoring_events_' || to_char(m, 'YYYYMM');
        IF to_regclass(quote_ident(current_schema()) || '.' || part) IS NULL THEN
            BEGIN
                EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.monitoring_events FOR VALUES FROM (%L) TO (%L)',
                    current_schema(), part, current_schema(),
                    to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00', to_char((m + INTERVAL '1 month')::date, 'YYYY-MM-DD') || ' 00:00:00+00');
                made := made + 1;
            EXCEPTION WHEN check_violation THEN
                -- The default partition holds events of that month already: they stay there.
                NULL;
            END;
        END IF;
    END LOOP;
    RETURN made;
END
$$;
SELECT monitoring_events_partitions(3);
