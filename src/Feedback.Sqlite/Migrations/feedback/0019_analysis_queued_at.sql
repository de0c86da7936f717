-- When an item's analysis was queued: on arrival (for a provider's imported row, the import, not the day the person
-- gave it) or when it was queued again. The health check and the backlog-age metric read the oldest pending one.
ALTER TABLE feedback_items ADD COLUMN analysis_queued_at INTEGER;

UPDATE feedback_items SET analysis_queued_at = submitted_at WHERE analysis_state = 'pending';
