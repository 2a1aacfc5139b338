-- Payout batches: what was (or will be) sent to whom, and which rewards each payment settles.

CREATE TABLE payouts (
  id             INTEGER PRIMARY KEY,
  program_id     TEXT NOT NULL REFERENCES programs (id),
  currency       TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('open', 'paid', 'canceled')),
  minimum_amount INTEGER NOT NULL CHECK (minimum_amount >= 0),
  total          INTEGER NOT NULL CHECK (total >= 0),
  created_at     INTEGER NOT NULL,
  closed_at      INTEGER                     -- paid or canceled
) STRICT;
CREATE INDEX payouts_by_program ON payouts (program_id, id);

CREATE TABLE payout_items (
  payout_id     INTEGER NOT NULL REFERENCES payouts (id),
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  amount        INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (payout_id, ambassador_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE payout_lines (
  payout_id  INTEGER NOT NULL REFERENCES payouts (id),
  reward_id  INTEGER NOT NULL REFERENCES rewards (id),
  move       TEXT NOT NULL CHECK (move IN ('pay', 'recover')),
  amount     INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (payout_id, reward_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX payout_lines_by_reward ON payout_lines (reward_id);
