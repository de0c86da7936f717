-- Items whose themes or sentiment the model was unsure of (below its calibrated review threshold): the inbox's
-- "Needs a human look" filter. A member of staff's correction is the human look, and clears it.
ALTER TABLE feedback_items ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ix_feedback_items_needs_review ON feedback_items (submitted_at) WHERE needs_review = 1;
