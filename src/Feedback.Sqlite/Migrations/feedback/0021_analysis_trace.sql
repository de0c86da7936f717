-- The W3C traceparent of the intake span that stored an item, so that the analysis worker's span links back to the
-- request that brought it (a random id; nothing about the person). Read when the item is claimed for analysis.
ALTER TABLE feedback_items ADD COLUMN analysis_trace TEXT;
