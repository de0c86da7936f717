-- Patient and carer feedback, as given. Speak-up cases never live in this database.
CREATE TABLE feedback_items (
    id                   INTEGER PRIMARY KEY,           -- insertion order: the back office's keyset
    reference            TEXT    NOT NULL UNIQUE,       -- QV-XXXX-XXXX, given to the person
    idempotency_key      BLOB    UNIQUE,                -- SHA-256 of the client's scoped Idempotency-Key; NULL when none
    request_fingerprint  BLOB,                          -- SHA-256 of the request, to refuse a key reused for another request
    passphrase_hash      BLOB    NOT NULL,              -- HMAC-SHA256 under a key kept outside this file
    kind                 TEXT    NOT NULL,              -- patient | carer | other
    service_id           TEXT    NOT NULL,              -- the content pack's service id, or 'other'
    service_name         TEXT    NOT NULL,
    fft_rating           TEXT    NOT NULL,              -- very-good | good | neither | poor | very-poor | dont-know
    what_was_good        TEXT,                          -- exactly as typed (trimmed at the ends)
    what_could_improve   TEXT,
    experience_month     TEXT,                          -- yyyy-MM
    collection_mode      TEXT    NOT NULL,              -- online | sms | paper | telephone | tablet | other
    contact_email        TEXT,                          -- ASP.NET Core Data Protection ciphertext, only with consent
    submitted_at         INTEGER NOT NULL,              -- Unix time in milliseconds, UTC
    status               TEXT    NOT NULL DEFAULT 'new',
    analysis_state       TEXT    NOT NULL DEFAULT 'pending', -- the outbox: written with the item, cleared by the worker
    analysis_lease       TEXT,                           -- the claiming worker's token
    analysis_lease_until INTEGER,                        -- its claim runs out, in Unix milliseconds
    analysis_attempts    INTEGER NOT NULL DEFAULT 0,
    analysed_at          INTEGER,
    analyzer             TEXT,                           -- local | azure-language
    model_version        TEXT,
    sentiment            TEXT,                           -- positive | neutral | negative | mixed
    sentiment_score      REAL,
    urgent               INTEGER NOT NULL DEFAULT 0,
    redacted_what_was_good      TEXT,
    redacted_what_could_improve TEXT,
    analysis             TEXT,                           -- JSON: themes, strategic themes, CQC questions, PII spans (never values), reasons
    version              INTEGER NOT NULL DEFAULT 1      -- optimistic concurrency for staff updates
);

CREATE INDEX ix_feedback_items_pending ON feedback_items (id) WHERE analysis_state = 'pending';
CREATE INDEX ix_feedback_items_submitted ON feedback_items (submitted_at, id);

-- The themes of each item, one row each, so the inbox can filter by theme with an index.
CREATE TABLE feedback_themes (
    item_id    INTEGER NOT NULL REFERENCES feedback_items (id),
    theme      TEXT    NOT NULL,
    confidence REAL    NOT NULL,
    PRIMARY KEY (item_id, theme)
) WITHOUT ROWID;

CREATE INDEX ix_feedback_themes_theme ON feedback_themes (theme, item_id);

-- Equality monitoring answers carry the service and month only, and a random id, so that neither a key
-- nor the insertion order links them to a feedback item.
CREATE TABLE equality_monitoring (
    id                           INTEGER PRIMARY KEY,
    service_id                   TEXT NOT NULL,
    month                        TEXT NOT NULL,
    age_band                     TEXT,
    sex                          TEXT,
    gender_identity_same_as_birth TEXT,
    ethnicity                    TEXT,
    disability                   TEXT,
    religion                     TEXT,
    sexual_orientation           TEXT
);

-- Failed /track attempts per reference (known or not, so that the two cannot be told apart).
CREATE TABLE tracking_failures (
    reference    TEXT    PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until INTEGER
);
