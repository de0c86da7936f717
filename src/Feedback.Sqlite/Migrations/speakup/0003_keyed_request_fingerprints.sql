-- Request fingerprints were an unkeyed SHA-256 of the whole concern, the reporter's name and contact details
-- included, so anyone holding this file could confirm who raised a confidential concern with a few guesses.
-- They are now an HMAC under the tracking key, without the name or contact details, and the old ones are
-- removed (overwritten: the connection runs with secure_delete).
UPDATE speak_up_cases SET request_fingerprint = NULL WHERE request_fingerprint IS NOT NULL;
