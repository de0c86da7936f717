-- E-mails to staff about "you said, we did" work: a reviewer told an update waits for them, an author told it was
-- approved or sent back. Queued by the back office as the change is made and sent by its worker, so a mail server
-- that is away delays them rather than losing them. They hold staff work addresses and update titles only: never
-- what anyone who gave feedback wrote.
CREATE TABLE staff_notices (
    id          INTEGER PRIMARY KEY,
    to_address  TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER
);

CREATE INDEX ix_staff_notices_pending ON staff_notices (created_at) WHERE state = 'pending';
