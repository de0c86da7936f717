-- E-mails owed to people who left an address when the quality team replies to them on /track: one per reply,
-- written in the same transaction as the reply and sent by the back office's worker. The e-mail says there is a
-- reply and where to read it; the reply itself stays behind the reference and passphrase.
CREATE TABLE reply_notifications (
    message_id  INTEGER PRIMARY KEY REFERENCES feedback_messages (id),
    item_id     INTEGER NOT NULL REFERENCES feedback_items (id),
    state       TEXT    NOT NULL DEFAULT 'pending', -- pending | sent | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_until INTEGER,
    created_at  INTEGER NOT NULL,
    sent_at     INTEGER
);

CREATE INDEX ix_reply_notifications_pending ON reply_notifications (created_at) WHERE state = 'pending';
