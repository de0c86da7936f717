-- API clients that administrators issue keys to (./qv api-clients): only the keyed hash of each key is kept.
-- A name is never reused, even after its key is revoked, so that idempotency keys scoped to it stay unambiguous.
CREATE TABLE api_clients (
    name                 TEXT    PRIMARY KEY COLLATE NOCASE,  -- "Acme" and "acme" are one client
    key_hash             BLOB    NOT NULL UNIQUE,
    key_hint             TEXT    NOT NULL,
    requests_per_second  INTEGER,
    issued_at            INTEGER NOT NULL,
    issued_by            TEXT    NOT NULL,
    revoked_at           INTEGER,
    revoked_by           TEXT
);
