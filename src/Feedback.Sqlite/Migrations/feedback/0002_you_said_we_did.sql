-- "You said, we did" updates written in the back office: drafted, reviewed by a second person, published (now or
-- at a set time), unpublished with a reason. Every saved edit is a version; the portal shows the live version.
CREATE TABLE updates (
    id               INTEGER PRIMARY KEY,
    slug             TEXT    NOT NULL UNIQUE,       -- its address under /you-said-we-did/
    state            TEXT    NOT NULL,              -- draft | ready-for-review | scheduled | published | unpublished
    version          INTEGER NOT NULL,              -- the latest version (updates_versions)
    live_version     INTEGER,                       -- the version the portal shows; NULL when it is not public
    created_by       TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,              -- Unix milliseconds, UTC (as every time below)
    submitted_by     TEXT,                          -- who asked for review of the latest version
    approved_by      TEXT,                          -- the second person, who approved it
    publish_at       INTEGER,                       -- when the approved version goes (or went) live
    live_since       INTEGER,                       -- when the live version went live
    first_published  INTEGER,                       -- when it first went live: its date on the portal
    unpublish_reason TEXT
);

CREATE INDEX ix_updates_due ON updates (publish_at) WHERE state = 'scheduled';

-- Every saved version of an update's words and links, for the history and its differences.
CREATE TABLE update_versions (
    update_id INTEGER NOT NULL REFERENCES updates (id),
    version   INTEGER NOT NULL,
    edited_by TEXT    NOT NULL,
    edited_at INTEGER NOT NULL,
    content   TEXT    NOT NULL,                     -- JSON: title, theme, service, progress, you said, body, steps, links
    PRIMARY KEY (update_id, version)
) WITHOUT ROWID;

-- What happened to an update and who did it: created, edited, sent for review, approved, published, unpublished.
CREATE TABLE update_events (
    update_id INTEGER NOT NULL REFERENCES updates (id),
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    what      TEXT    NOT NULL
);

CREATE INDEX ix_update_events ON update_events (update_id, at);

-- The feedback an update answers ("add to update" in the inbox): its counts on the portal, and who to tell.
CREATE TABLE update_feedback (
    update_id INTEGER NOT NULL REFERENCES updates (id),
    item_id   INTEGER NOT NULL REFERENCES feedback_items (id),
    linked_by TEXT    NOT NULL,
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (update_id, item_id)
) WITHOUT ROWID;

CREATE INDEX ix_update_feedback_item ON update_feedback (item_id, update_id);

-- E-mails owed to people who consented to contact, written in the same transaction as the update going live (or
-- their feedback being linked to a live update), and sent by the back office's worker: none is lost, none is sent
-- twice for the same update.
CREATE TABLE update_notifications (
    update_id   INTEGER NOT NULL REFERENCES updates (id),
    item_id     INTEGER NOT NULL REFERENCES feedback_items (id),
    state       TEXT    NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER,
    PRIMARY KEY (update_id, item_id)
) WITHOUT ROWID;

CREATE INDEX ix_update_notifications_pending ON update_notifications (created_at) WHERE state = 'pending';
