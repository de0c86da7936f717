-- The day a guardian closed a case (NULL while open), from which the retention period runs, and the day the retention
-- policy removed its details (the concern, identity, organisation, conversation and notes). Days only, as elsewhere.
ALTER TABLE speak_up_cases ADD COLUMN closed_on TEXT;
ALTER TABLE speak_up_cases ADD COLUMN details_removed_on TEXT;
