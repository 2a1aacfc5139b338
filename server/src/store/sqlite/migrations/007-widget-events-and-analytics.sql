-- Sarafan schema, version 7: the widget's funnel events, blocked ambassadors, and the indexes the
-- owner's analytics read (every statistic is a range over a program's events, by time).

-- What the widget saw happen: shown on a page, panel opened, link shared. One row per event; they
-- come on every page view, so the table has one index, and it covers the analytics' reads.
CREATE TABLE widget_events (
  id            INTEGER PRIMARY KEY,
  program_id    TEXT NOT NULL REFERENCES programs (id),
  type          TEXT NOT NULL CHECK (type IN ('widget_shown', 'panel_opened', 'share')),
  placement     TEXT CHECK (placement IN ('launcher', 'inline', 'banner', 'product', 'purchase')),
  channel       TEXT,                                    -- only with `share`
  visitor_id    TEXT NOT NULL,
  ambassador_id INTEGER REFERENCES ambassadors (id),     -- when the event named a code of this program
  created_at    INTEGER NOT NULL,
  CHECK ((type = 'share') = (channel IS NOT NULL))
) STRICT;
CREATE INDEX widget_events_by_type ON widget_events (program_id, type, created_at, visitor_id, ambassador_id, channel);

-- A blocked ambassador's link and code stop earning: clicks are not counted, conversions not attributed.
ALTER TABLE ambassadors ADD COLUMN blocked_at INTEGER;
ALTER TABLE ambassadors ADD COLUMN blocked_note TEXT;
CREATE INDEX ambassadors_by_program ON ambassadors (program_id, created_at);

-- Counted clicks per ambassador without reading the table (the ambassadors list sorts by them).
CREATE INDEX clicks_counted_by_ambassador ON clicks (ambassador_id, created_at) WHERE counted = 1 AND self = 0;

-- Conversions of a program by time (order values, daily revenue) and attributed ones per
-- ambassador (first referred purchase, the top ambassadors, the ambassadors list).
CREATE INDEX conversions_by_program ON conversions (program_id, created_at);
CREATE INDEX conversions_attributed ON conversions (program_id, ambassador_id, created_at) WHERE attributed = 1;

CREATE INDEX rewards_by_program ON rewards (program_id, created_at);
CREATE INDEX referral_bindings_by_time ON referral_bindings (program_id, created_at);
