-- Owner dashboard sessions. Only the token's sha256 is stored, so a copy of the database does not
-- sign anyone in; the CSRF token is stored as issued because the dashboard reads it back.

CREATE TABLE admin_sessions (
  token_hash TEXT PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs (id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires_at);
