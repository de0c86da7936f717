-- Outreach the engagement team plans for a population group that is not being heard, to see its effect later.
CREATE TABLE outreach_plans (
    id           TEXT    PRIMARY KEY,
    group_name   TEXT    NOT NULL,
    what         TEXT    NOT NULL,
    starts_on    TEXT    NOT NULL,  -- yyyy-MM-dd
    recorded_by  TEXT    NOT NULL,
    recorded_at  INTEGER NOT NULL
);
