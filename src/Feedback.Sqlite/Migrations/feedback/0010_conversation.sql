-- A two-way conversation on /track: each reply the quality team publishes, and each answer the person sends with
-- their reference and passphrase, in order. Staff read a person's message with personal details hidden
-- (redacted, as for feedback) unless they give a reason. public_reply stays the latest staff reply.
CREATE TABLE feedback_messages (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES feedback_items (id),
    at        INTEGER NOT NULL,
    from_person INTEGER NOT NULL,   -- 1: the person who gave the feedback; 0: the quality team
    text      TEXT    NOT NULL,     -- as written
    redacted  TEXT    NOT NULL      -- with personal details hidden (the same as text for staff replies)
);

CREATE INDEX ix_feedback_messages_item ON feedback_messages (item_id, id);

INSERT INTO feedback_messages (item_id, at, from_person, text, redacted)
SELECT id, public_reply_at, 0, public_reply, public_reply FROM feedback_items WHERE public_reply IS NOT NULL;
