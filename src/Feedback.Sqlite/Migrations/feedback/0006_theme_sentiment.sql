-- The feeling about each theme, read from the clauses that carry it ("the nurses were lovely but I waited six hours"
-- is positive about staff and negative about waiting). NULL: the item's own feeling (themes a member of staff chose,
-- items analysed before this, or an item whose feeling staff corrected). The theme counts and the early warnings count
-- each mention by the feeling about that theme.
ALTER TABLE feedback_themes ADD COLUMN sentiment TEXT;

DROP TRIGGER theme_counts_insert;
CREATE TRIGGER theme_counts_insert AFTER INSERT ON feedback_themes BEGIN
    INSERT INTO theme_counts
    SELECT strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch'), NEW.service_id, NEW.theme,
           s = 'positive', s = 'neutral', s = 'negative', s = 'mixed', 1
    FROM (SELECT coalesce(NEW.sentiment, (SELECT sentiment FROM feedback_items WHERE id = NEW.item_id), '') AS s)
    WHERE true
    ON CONFLICT DO UPDATE SET positive = positive + excluded.positive, neutral = neutral + excluded.neutral,
        negative = negative + excluded.negative, mixed = mixed + excluded.mixed, total = total + 1;
    INSERT INTO theme_weeks
    SELECT date(NEW.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days'), NEW.service_id, NEW.theme,
           coalesce(NEW.sentiment, (SELECT sentiment FROM feedback_items WHERE id = NEW.item_id), '') = 'negative', 1
    WHERE true
    ON CONFLICT DO UPDATE SET negative = negative + excluded.negative, total = total + 1;
END;

DROP TRIGGER theme_counts_delete;
CREATE TRIGGER theme_counts_delete AFTER DELETE ON feedback_themes BEGIN
    UPDATE theme_counts
    SET positive = positive - (s = 'positive'), neutral = neutral - (s = 'neutral'),
        negative = negative - (s = 'negative'), mixed = mixed - (s = 'mixed'), total = total - 1
    FROM (SELECT coalesce(OLD.sentiment, (SELECT sentiment FROM feedback_items WHERE id = OLD.item_id), '') AS s)
    WHERE month = strftime('%Y-%m', OLD.submitted_at / 1000, 'unixepoch') AND service_id = OLD.service_id AND theme = OLD.theme;
    UPDATE theme_weeks
    SET negative = negative - (coalesce(OLD.sentiment, (SELECT sentiment FROM feedback_items WHERE id = OLD.item_id), '') = 'negative'),
        total = total - 1
    WHERE week = date(OLD.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AND service_id = OLD.service_id AND theme = OLD.theme;
END;

-- An item's feeling changing moves only the themes that take the item's feeling.
DROP TRIGGER theme_counts_sentiment;
CREATE TRIGGER theme_counts_sentiment AFTER UPDATE OF sentiment ON feedback_items
WHEN OLD.sentiment IS NOT NEW.sentiment BEGIN
    UPDATE theme_counts
    SET positive = positive + (n = 'positive') - (o = 'positive'), neutral = neutral + (n = 'neutral') - (o = 'neutral'),
        negative = negative + (n = 'negative') - (o = 'negative'), mixed = mixed + (n = 'mixed') - (o = 'mixed')
    FROM (SELECT coalesce(NEW.sentiment, '') AS n, coalesce(OLD.sentiment, '') AS o)
    WHERE month = strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch') AND service_id = NEW.service_id
      AND theme IN (SELECT theme FROM feedback_themes WHERE item_id = NEW.id AND sentiment IS NULL);
    UPDATE theme_weeks
    SET negative = negative + (coalesce(NEW.sentiment, '') = 'negative') - (coalesce(OLD.sentiment, '') = 'negative')
    WHERE week = date(NEW.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AND service_id = NEW.service_id
      AND theme IN (SELECT theme FROM feedback_themes WHERE item_id = NEW.id AND sentiment IS NULL);
END;

-- A theme's own feeling changing (set aside when staff correct the item's feeling) moves that theme's count.
CREATE TRIGGER theme_counts_theme_sentiment AFTER UPDATE OF sentiment ON feedback_themes
WHEN OLD.sentiment IS NOT NEW.sentiment BEGIN
    UPDATE theme_counts
    SET positive = positive + (n = 'positive') - (o = 'positive'), neutral = neutral + (n = 'neutral') - (o = 'neutral'),
        negative = negative + (n = 'negative') - (o = 'negative'), mixed = mixed + (n = 'mixed') - (o = 'mixed')
    FROM (SELECT coalesce(NEW.sentiment, i.sentiment, '') AS n, coalesce(OLD.sentiment, i.sentiment, '') AS o
          FROM feedback_items i WHERE i.id = NEW.item_id)
    WHERE month = strftime('%Y-%m', NEW.submitted_at / 1000, 'unixepoch') AND service_id = NEW.service_id AND theme = NEW.theme;
    UPDATE theme_weeks
    SET negative = negative + (n = 'negative') - (o = 'negative')
    FROM (SELECT coalesce(NEW.sentiment, i.sentiment, '') AS n, coalesce(OLD.sentiment, i.sentiment, '') AS o
          FROM feedback_items i WHERE i.id = NEW.item_id)
    WHERE week = date(NEW.submitted_at / 1000, 'unixepoch', 'weekday 0', '-6 days') AND service_id = NEW.service_id AND theme = NEW.theme;
END;
