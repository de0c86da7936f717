-- Counts from outside the feedback (complaints, PALS, incidents, Healthwatch) that the quality team uploads for a
-- service and month, set beside the feedback in the reports. A corrected upload replaces a count by its key.
CREATE TABLE other_intelligence (
    service_id   TEXT    NOT NULL,
    month        TEXT    NOT NULL,
    channel      TEXT    NOT NULL,
    subject      TEXT    NOT NULL COLLATE NOCASE,  -- '' for the channel's total; "Waiting" and "waiting" are one
    n            INTEGER NOT NULL,
    uploaded_by  TEXT    NOT NULL,
    uploaded_at  INTEGER NOT NULL,
    PRIMARY KEY (service_id, month, channel, subject)
);

CREATE INDEX other_intelligence_by_month ON other_intelligence (month);
