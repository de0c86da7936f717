-- Disabling an account (it cannot sign in; its sessions end), and roles that only a second person can give.
ALTER TABLE "AspNetUsers" ADD COLUMN "Disabled" INTEGER NOT NULL DEFAULT 0;

-- A request to give an account a role that needs a second person (Freedom to Speak Up guardian): who asked, and
-- who approved or declined it. Every guardian is told of each request (announced_at).
CREATE TABLE "RoleRequests" (
    "Id"          INTEGER NOT NULL CONSTRAINT "PK_RoleRequests" PRIMARY KEY AUTOINCREMENT,
    "Email"       TEXT    NOT NULL,
    "Role"        TEXT    NOT NULL,
    "RequestedBy" TEXT    NOT NULL,
    "RequestedAt" INTEGER NOT NULL,     -- Unix milliseconds, UTC (as every time below)
    "DecidedBy"   TEXT    NULL,
    "DecidedAt"   INTEGER NULL,
    "Outcome"     TEXT    NULL,         -- approved | declined; NULL while it waits
    "AnnouncedAt" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_RoleRequests_Waiting" ON "RoleRequests" ("Email", "Role") WHERE "Outcome" IS NULL;

-- Server-side sessions: the cookie holds only a session's id, so signing out (or being disabled, or losing a role)
-- ends the session at once, wherever its cookie has been copied.
CREATE TABLE staff_sessions (
    id         TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    ticket     BLOB    NOT NULL,        -- the authentication ticket, encrypted with Data Protection
    created_at INTEGER NOT NULL,        -- Unix milliseconds, UTC: the absolute lifetime counts from here
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE INDEX ix_staff_sessions_user ON staff_sessions (user_id);
CREATE INDEX ix_staff_sessions_expires ON staff_sessions (expires_at);
