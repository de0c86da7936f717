-- Reports kept as they were generated (the weekly insights pack, service quality reports): their figures as JSON.
CREATE TABLE kept_reports (
    id            TEXT    PRIMARY KEY,
    kind          TEXT    NOT NULL,  -- weekly-pack | service-report
    title         TEXT    NOT NULL,
    generated_at  INTEGER NOT NULL,  -- Unix time in milliseconds, UTC
    generated_by  TEXT    NOT NULL,
    figures       TEXT    NOT NULL
);
CREATE INDEX ix_kept_reports_generated ON kept_reports (generated_at);
