-- Widget settings per program (texts, theme, leaderboard), and visitors who join by email in the
-- panel: such an ambassador is unconfirmed until the owner confirms them, and sees their panel
-- again through a join token whose hash alone is stored.

CREATE TABLE widget_settings (
  program_id TEXT PRIMARY KEY REFERENCES programs (id),
  settings   TEXT NOT NULL,                -- WidgetSettings as JSON, validated before it is written
  updated_at INTEGER NOT NULL
) STRICT;

-- 1 for every ambassador the shop created or identified; 0 for one who joined by email alone.
ALTER TABLE ambassadors ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1 CHECK (confirmed IN (0, 1));

CREATE TABLE ambassador_join_tokens (
  token_hash    TEXT PRIMARY KEY,          -- sha256 hex of the token the browser keeps
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  created_at    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX ambassador_join_tokens_by_ambassador ON ambassador_join_tokens (ambassador_id);
