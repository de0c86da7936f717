-- Retention: when the policy removed an item's original words and e-mail address (its words with personal details
-- hidden stay, in what_was_good and what_could_improve as in the redacted columns).
ALTER TABLE feedback_items ADD COLUMN originals_removed_at INTEGER;

-- Erasure removes an item at the person's request: its counts go with it, as they came with it.
CREATE TRIGGER feedback_totals_delete AFTER DELETE ON feedback_items BEGIN
    UPDATE feedback_totals SET n = n - 1
    WHERE service_id = OLD.service_id AND kind = OLD.kind AND fft_rating = OLD.fft_rating AND status = OLD.status
      AND sentiment = coalesce(OLD.sentiment, '') AND urgent = OLD.urgent;
    UPDATE monthly_counts SET n = n - 1
    WHERE month = strftime('%Y-%m', OLD.submitted_at / 1000, 'unixepoch') AND service_id = OLD.service_id
      AND fft_rating = OLD.fft_rating AND sentiment = coalesce(OLD.sentiment, '');
END;
