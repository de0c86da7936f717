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
    status               TEXT    NOT NULL DEFAULT 'new', -- new | triaged | in-progress | responded | closed
    closure_reason       TEXT,                           -- why it was closed
    assigned_to          TEXT,                           -- the member of staff who owns it (their e-mail address)
    escalation           TEXT,                           -- routine | enhanced | intensive (National Quality Board)
    escalation_by        TEXT,
    escalation_reason    TEXT,
    escalation_at        INTEGER,
    public_reply         TEXT,                           -- shown on /track once it has passed the PII check
    public_reply_at      INTEGER,
    analysis_state       TEXT    NOT NULL DEFAULT 'pending', -- the outbox: written with the item, cleared by the worker
    analysis_lease       TEXT,                           -- the claiming worker's token
    analysis_lease_until INTEGER,                        -- its claim runs out, in Unix milliseconds
    analysis_attempts    INTEGER NOT NULL DEFAULT 0,
    analysed_at          INTEGER,
    analyzer             TEXT,                           -- local | azure-language
    model_version        TEXT,
    sentiment            TEXT,                           -- positive | neutral | negative | mixed: staff's if corrected
    sentiment_by         TEXT,                           -- who corrected it (a human label the model never overwrites)
    themes_by            TEXT,                           -- who corrected the themes
    sentiment_score      REAL,
    urgent               INTEGER NOT NULL DEFAULT 0,
    redacted_what_was_good      TEXT,
    redacted_what_could_improve TEXT,
    analysis             TEXT,                           -- JSON: themes, strategic themes, CQC questions, PII spans (never values), reasons
    version              INTEGER NOT NULL DEFAULT 1      -- optimistic concurrency for staff updates
);

CREATE INDEX ix_feedback_items_pending ON feedback_items (id) WHERE analysis_state = 'pending';

-- The inbox lists newest first by arrival time (ties broken by id, the rowid, which every index ends with), a
-- page at a time from a cursor; each filter has an index that serves its first page without a sort.
CREATE INDEX ix_feedback_items_submitted ON feedback_items (submitted_at);
CREATE INDEX ix_feedback_items_status ON feedback_items (status, submitted_at);
CREATE INDEX ix_feedback_items_service ON feedback_items (service_id, submitted_at);
CREATE INDEX ix_feedback_items_sentiment ON feedback_items (sentiment, submitted_at);
CREATE INDEX ix_feedback_items_kind ON feedback_items (kind, submitted_at);
CREATE INDEX ix_feedback_items_fft ON feedback_items (fft_rating, submitted_at);
CREATE INDEX ix_feedback_items_assigned ON feedback_items (assigned_to, submitted_at);
CREATE INDEX ix_feedback_items_urgent ON feedback_items (submitted_at) WHERE urgent = 1;

-- The themes of each item (the model's, or staff's once corrected), one row each, with the item's arrival time
-- and service copied in so the inbox's theme filter and the dashboard read this table's index alone.
CREATE TABLE feedback_themes (
    item_id      INTEGER NOT NULL REFERENCES feedback_items (id),
    theme        TEXT    NOT NULL,
    confidence   REAL    NOT NULL,
    submitted_at INTEGER NOT NULL,
    service_id   TEXT    NOT NULL,
    PRIMARY KEY (item_id, theme)
) WITHOUT ROWID;

CREATE INDEX ix_feedback_themes_theme ON feedback_themes (theme, submitted_at);

-- Free-text search over the redacted text only (staff search what they are allowed to see by default).
CREATE VIRTUAL TABLE feedback_search USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'porter unicode61');

-- Counts that the inbox's filters and the dashboard read instead of scanning a million rows, kept exact by the
-- triggers below in the same transaction as the change. Each is keyed in the order its reader groups by, so
-- that reading one is a range scan without a sort.

-- The inbox's exact counts for each filter value (filters on these columns only; others count the newest matches).
CREATE TABLE feedback_totals (
    service_id TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    fft_rating TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    sentiment  TEXT    NOT NULL,   -- '' until analysed
    urgent     INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (service_id, kind, fft_rating, status, sentiment, urgent)
) WITHOUT ROWID;

-- The dashboard's volume, FFT and sentiment by month and service.
CREATE TABLE monthly_counts (
    month      TEXT    NOT NULL,
    service_id TEXT    NOT NULL,
    fft_rating TEXT    NOT NULL,
    sentiment  TEXT    NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (month, service_id, fft_rating, sentiment)
) WITHOUT ROWID;

CREATE TRIGGER feedback_totals_insert AFTER INSERT ON feedback_items BEGIN
    INSERT INTO feedback_totals VALUES (
        NEW.service_id, NEW.kind, NEW.fft_rating, NEW.status, coalesce(NEW.sentiment, ''), NEW.urgent, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO monthly_counts VALUES (
        strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch'), NEW.service_id, NEW.fft_rating, coalesce(NEW.sentiment, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER feedback_totals_update AFTER UPDATE OF status, sentiment, urgent ON feedback_items
WHEN OLD.status IS NOT NEW.status OR OLD.sentiment IS NOT NEW.sentiment OR OLD.urgent IS NOT NEW.urgent BEGIN
    UPDATE feedback_totals SET n = n - 1
    WHERE service_id = OLD.service_id AND kind = OLD.kind AND fft_rating = OLD.fft_rating AND status = OLD.status
      AND sentiment = coalesce(OLD.sentiment, '') AND urgent = OLD.urgent;
    INSERT INTO feedback_totals VALUES (
        NEW.service_id, NEW.kind, NEW.fft_rating, NEW.status, coalesce(NEW.sentiment, ''), NEW.urgent, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER monthly_counts_sentiment AFTER UPDATE OF sentiment ON feedback_items
WHEN OLD.sentiment IS NOT NEW.sentiment BEGIN
    UPDATE monthly_counts SET n = n - 1
    WHERE month = strftime('%Y-%m', OLD.submitted_at / 1000, 'unixepoch') AND service_id = OLD.service_id
      AND fft_rating = OLD.fft_rating AND sentiment = coalesce(OLD.sentiment, '');
    INSERT INTO monthly_counts VALUES (
        strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch'), NEW.service_id, NEW.fft_rating, coalesce(NEW.sentiment, ''), 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- Theme mentions by month and service, in all and by sentiment, for the theme trends, the theme x service table
-- and open data.
CREATE TABLE theme_counts (
    month      TEXT    NOT NULL,   -- yyyy-MM of arrival
    service_id TEXT    NOT NULL,
    theme      TEXT    NOT NULL,
    positive   INTEGER NOT NULL,
    neutral    INTEGER NOT NULL,
    negative   INTEGER NOT NULL,
    mixed      INTEGER NOT NULL,
    total      INTEGER NOT NULL,   -- the four above, and items not analysed yet
    PRIMARY KEY (month, service_id, theme)
) WITHOUT ROWID;

-- Theme mentions by week (Monday, UTC), negative and all, for the early warnings.
CREATE TABLE theme_weeks (
    week       TEXT    NOT NULL,   -- yyyy-MM-dd of the Monday the week starts
    service_id TEXT    NOT NULL,
    theme      TEXT    NOT NULL,
    negative   INTEGER NOT NULL,
    total      INTEGER NOT NULL,
    PRIMARY KEY (week, service_id, theme)
) WITHOUT ROWID;

CREATE TRIGGER theme_counts_insert AFTER INSERT ON feedback_themes BEGIN
    INSERT INTO theme_counts
    SELECT strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch'), NEW.service_id, NEW.theme,
           s = 'positive', s = 'neutral', s = 'negative', s = 'mixed', 1
    FROM (SELECT coalesce((SELECT sentiment FROM feedback_items WHERE id = NEW.item_id), '') AS s)
    WHERE true
    ON CONFLICT DO UPDATE SET positive = positive + excluded.positive, neutral = neutral + excluded.neutral,
        negative = negative + excluded.negative, mixed = mixed + excluded.mixed, total = total + 1;
    INSERT INTO theme_weeks
    SELECT date(NEW.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days'), NEW.service_id, NEW.theme,
           coalesce((SELECT sentiment = 'negative' FROM feedback_items WHERE id = NEW.item_id), 0), 1
    WHERE true
    ON CONFLICT DO UPDATE SET negative = negative + excluded.negative, total = total + 1;
END;

CREATE TRIGGER theme_counts_delete AFTER DELETE ON feedback_themes BEGIN
    UPDATE theme_counts
    SET positive = positive - (s = 'positive'), neutral = neutral - (s = 'neutral'),
        negative = negative - (s = 'negative'), mixed = mixed - (s = 'mixed'), total = total - 1
    FROM (SELECT coalesce((SELECT sentiment FROM feedback_items WHERE id = OLD.item_id), '') AS s)
    WHERE month = strftime('%Y-%m', OLD.submitted_at / 1000, 'unixepoch') AND service_id = OLD.service_id AND theme = OLD.theme;
    UPDATE theme_weeks
    SET negative = negative - coalesce((SELECT sentiment = 'negative' FROM feedback_items WHERE id = OLD.item_id), 0), total = total - 1
    WHERE week = date(OLD.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AND service_id = OLD.service_id AND theme = OLD.theme;
END;

-- When an item's sentiment changes (analysis, or a member of staff's correction), its themes move with it.
CREATE TRIGGER theme_counts_sentiment AFTER UPDATE OF sentiment ON feedback_items
WHEN OLD.sentiment IS NOT NEW.sentiment BEGIN
    UPDATE theme_counts
    SET positive = positive + (n = 'positive') - (o = 'positive'), neutral = neutral + (n = 'neutral') - (o = 'neutral'),
        negative = negative + (n = 'negative') - (o = 'negative'), mixed = mixed + (n = 'mixed') - (o = 'mixed')
    FROM (SELECT coalesce(NEW.sentiment, '') AS n, coalesce(OLD.sentiment, '') AS o)
    WHERE month = strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch') AND service_id = NEW.service_id
      AND theme IN (SELECT theme FROM feedback_themes WHERE item_id = NEW.id);
    UPDATE theme_weeks
    SET negative = negative + (coalesce(NEW.sentiment, '') = 'negative') - (coalesce(OLD.sentiment, '') = 'negative')
    WHERE week = date(NEW.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AND service_id = NEW.service_id
      AND theme IN (SELECT theme FROM feedback_themes WHERE item_id = NEW.id);
END;

-- What staff did to an item: status changes, assignments, escalations, corrections, replies. Append-only.
CREATE TABLE feedback_events (
    id       INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES feedback_items (id),
    at       INTEGER NOT NULL,
    actor    TEXT    NOT NULL,
    kind     TEXT    NOT NULL,   -- status | assigned | escalated | themes | sentiment | note | reply
    detail   TEXT    NOT NULL
);

CREATE INDEX ix_feedback_events_item ON feedback_events (item_id, id);

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
