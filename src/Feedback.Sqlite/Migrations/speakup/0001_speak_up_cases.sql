-- Freedom to Speak Up cases: their own database file, never beside patient feedback.
-- No row id (so no insertion order), no time of day, no address or device: only what the person chose to give.
CREATE TABLE speak_up_cases (
    reference           TEXT    PRIMARY KEY,        -- SU-XXXX-XXXX
    idempotency_key     BLOB    UNIQUE,             -- SHA-256 of the form's random submission key
    request_fingerprint BLOB,
    passphrase_hash     BLOB    NOT NULL,
    mode                TEXT    NOT NULL,           -- open | confidential | anonymous
    categories          TEXT    NOT NULL,           -- comma-separated National Guardian's Office categories
    detriment           TEXT    NOT NULL,           -- yes | no | not-sure
    professional_group  TEXT    NOT NULL,
    organisation_name   TEXT,
    concern             TEXT    NOT NULL,
    identity            TEXT,                       -- Data Protection ciphertext of name and contact; never for anonymous
    raised_on           TEXT    NOT NULL,           -- yyyy-MM-dd, the day only
    status              TEXT    NOT NULL DEFAULT 'received',
    version             INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

CREATE INDEX ix_speak_up_cases_raised_on ON speak_up_cases (raised_on);

CREATE TABLE speak_up_messages (
    case_reference TEXT    NOT NULL REFERENCES speak_up_cases (reference),
    sequence       INTEGER NOT NULL,
    from_guardian  INTEGER NOT NULL,
    body           TEXT    NOT NULL,
    sent_on        TEXT    NOT NULL,                -- yyyy-MM-dd, the day only
    PRIMARY KEY (case_reference, sequence)
) WITHOUT ROWID;

CREATE TABLE tracking_failures (
    reference    TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER
);
