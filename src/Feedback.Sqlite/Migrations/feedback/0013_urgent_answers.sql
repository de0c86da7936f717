-- A person's answer on /track that reads as urgent (a risk to life, suicide or self-harm, abuse) makes the item urgent
-- again: urgent_answer_at is when, and the 24-hour clock runs from then. The earlier acknowledgement, if any, stays in
-- the item's history; the item waits in the urgent queue until someone reads the answer and acts.
ALTER TABLE feedback_items ADD COLUMN urgent_answer_at INTEGER;
DROP INDEX ix_feedback_items_unacknowledged;
CREATE INDEX ix_feedback_items_unacknowledged ON feedback_items (coalesce(urgent_answer_at, submitted_at)) WHERE urgent = 1 AND acknowledged_at IS NULL;
