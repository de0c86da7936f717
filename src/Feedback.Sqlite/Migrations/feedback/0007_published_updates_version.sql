-- A number that moves whenever what the portal shows of published updates may have changed: an update going live,
-- being unpublished or republished, feedback linked to or unlinked from a live update, and the themes of feedback
-- linked to a live update ("told us about"). Every portal instance watches it and, when it moves, drops the cached
-- pages that show updates (docs/adr/0014-portal-output-caching.md). Kept by triggers in the same transaction as
-- the change, so that no writer can forget it.
CREATE TABLE change_counters (
    name    TEXT    PRIMARY KEY,
    version INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO change_counters VALUES ('published-updates', 0);

CREATE TRIGGER published_updates_live AFTER UPDATE OF live_version, live_since, first_published ON updates
WHEN OLD.live_version IS NOT NEW.live_version OR OLD.live_since IS NOT NEW.live_since OR OLD.first_published IS NOT NEW.first_published
BEGIN
    UPDATE change_counters SET version = version + 1 WHERE name = 'published-updates';
END;

CREATE TRIGGER published_updates_linked AFTER INSERT ON update_feedback
WHEN (SELECT live_version FROM updates WHERE id = NEW.update_id) IS NOT NULL
BEGIN
    UPDATE change_counters SET version = version + 1 WHERE name = 'published-updates';
END;

CREATE TRIGGER published_updates_unlinked AFTER DELETE ON update_feedback
WHEN (SELECT live_version FROM updates WHERE id = OLD.update_id) IS NOT NULL
BEGIN
    UPDATE change_counters SET version = version + 1 WHERE name = 'published-updates';
END;

CREATE TRIGGER published_updates_theme_added AFTER INSERT ON feedback_themes
WHEN EXISTS (SELECT 1 FROM update_feedback l JOIN updates u ON u.id = l.update_id WHERE l.item_id = NEW.item_id AND u.live_version IS NOT NULL)
BEGIN
    UPDATE change_counters SET version = version + 1 WHERE name = 'published-updates';
END;

CREATE TRIGGER published_updates_theme_removed AFTER DELETE ON feedback_themes
WHEN EXISTS (SELECT 1 FROM update_feedback l JOIN updates u ON u.id = l.update_id WHERE l.item_id = OLD.item_id AND u.live_version IS NOT NULL)
BEGIN
    UPDATE change_counters SET version = version + 1 WHERE name = 'published-updates';
END;
