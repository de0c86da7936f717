-- A member of staff can mark urgent an item the analysis did not flag (hazard H1): who, when, and the urgency reason
-- they saw. The item waits in the urgent queue, its 24-hour clock from the marking; the clock now runs from the latest
-- of its arrival, an urgent answer on /track and a marking.
ALTER TABLE feedback_items ADD COLUMN marked_urgent_by TEXT;
ALTER TABLE feedback_items ADD COLUMN marked_urgent_at INTEGER;
ALTER TABLE feedback_items ADD COLUMN marked_urgent_reason TEXT;
DROP INDEX ix_feedback_items_unacknowledged;
CREATE INDEX ix_feedback_items_unacknowledged
    ON feedback_items (max(submitted_at, coalesce(urgent_answer_at, 0), coalesce(marked_urgent_at, 0)))
    WHERE urgent = 1 AND acknowledged_at IS NULL;
