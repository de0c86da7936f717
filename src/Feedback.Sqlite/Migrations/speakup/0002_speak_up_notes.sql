-- Guardians' own notes on a case: never shown to the person who spoke up, nor to anyone but guardians.
CREATE TABLE speak_up_notes (
    case_reference TEXT    NOT NULL REFERENCES speak_up_cases (reference),
    sequence       INTEGER NOT NULL,
    author         TEXT    NOT NULL,                -- the guardian's e-mail address
    body           TEXT    NOT NULL,
    written_on     TEXT    NOT NULL,                -- yyyy-MM-dd, the day only, as for messages
    PRIMARY KEY (case_reference, sequence)
) WITHOUT ROWID;
