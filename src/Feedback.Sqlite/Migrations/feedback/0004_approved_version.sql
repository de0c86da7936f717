-- The version the second person last approved: everyone who wrote a later version is an author of what is now
-- under review, and none of them may approve it (before, only the latest version's author was kept out).
ALTER TABLE updates ADD COLUMN approved_version INTEGER;
UPDATE updates SET approved_version = live_version WHERE live_version IS NOT NULL;
