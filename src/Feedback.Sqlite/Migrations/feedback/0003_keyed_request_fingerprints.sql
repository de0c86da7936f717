-- Request fingerprints were an unkeyed SHA-256 of the whole request, contact e-mail included, so anyone holding
-- this file could confirm a guess of a person's address. They are now an HMAC under the tracking key, without
-- personal fields, and the old ones are removed (a repeat of an old idempotency key is then trusted on the key
-- alone). The connection runs with secure_delete, so the old bytes are overwritten, not left in free pages.
UPDATE feedback_items SET request_fingerprint = NULL WHERE request_fingerprint IS NOT NULL;
