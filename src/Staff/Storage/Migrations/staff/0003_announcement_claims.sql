-- Every back-office instance announces role requests: an instance claims a request for a few minutes before it sends
-- the e-mails, so that two instances do not both tell the guardians (Unix milliseconds, UTC).
ALTER TABLE "RoleRequests" ADD COLUMN "AnnouncingUntil" INTEGER NULL;
