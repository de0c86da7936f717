-- Which speak-up figures the guardians release to the weekly insights pack (one row; none until they choose).
CREATE TABLE speak_up_pack_release (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    measures  TEXT    NOT NULL,  -- comma-separated: cases, anonymous, detriment, elements
    set_by    TEXT    NOT NULL,
    set_at    INTEGER NOT NULL
);
