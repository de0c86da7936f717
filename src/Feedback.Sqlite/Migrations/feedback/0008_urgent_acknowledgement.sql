-- The urgent queue's 24-hour promise is that a person reads an urgent item and acts on it: acknowledging it records
-- who read it, when, and the first action they took, and stops its clock. An urgent item still unacknowledged when
-- its clock runs out is e-mailed to the quality team once (overdue_told_at).
ALTER TABLE feedback_items ADD COLUMN acknowledged_by TEXT;
ALTER TABLE feedback_items ADD COLUMN acknowledged_at INTEGER;
ALTER TABLE feedback_items ADD COLUMN first_action TEXT;
ALTER TABLE feedback_items ADD COLUMN overdue_told_at INTEGER;
CREATE INDEX ix_feedback_items_unacknowledged ON feedback_items (submitted_at) WHERE urgent = 1 AND acknowledged_at IS NULL;
