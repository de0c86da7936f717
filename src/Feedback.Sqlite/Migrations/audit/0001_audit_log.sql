-- Who viewed, changed or exported what, and when. Append-only: the triggers refuse any change or deletion, so
-- an entry, once written, stays as it was (retention is by archiving the file, not by editing it).
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,   -- Unix time in milliseconds, UTC
    actor   TEXT    NOT NULL,   -- the member of staff's e-mail address
    action  TEXT    NOT NULL,   -- viewed | viewed-original | changed | exported | account
    subject TEXT    NOT NULL,   -- a reference, an export's name, an account
    detail  TEXT    NOT NULL    -- what, in words (never feedback text)
);

CREATE INDEX ix_audit_log_actor ON audit_log (actor, id);
CREATE INDEX ix_audit_log_action ON audit_log (action, id);
CREATE INDEX ix_audit_log_subject ON audit_log (subject, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
