-- A version carries the significance of the change that introduced it (8.2, 8.4): only a
-- significant change flags the system's risks and makes its impact assessment stale. Versions
-- registered before were all treated as significant, and stay so.
ALTER TABLE ai_system_versions ADD COLUMN significance VARCHAR(20) DEFAULT 'SIGNIFICANT' NOT NULL;
