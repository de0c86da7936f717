-- The escalation level (routine, enhanced, intensive) the quality team records for a whole service, with why.
-- Append-only: the latest row is the current level, the rest its history.
CREATE TABLE service_escalations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id  TEXT    NOT NULL,
    level       TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    set_by      TEXT    NOT NULL,
    set_at      INTEGER NOT NULL
);

CREATE INDEX service_escalations_by_service ON service_escalations (service_id, set_at);
