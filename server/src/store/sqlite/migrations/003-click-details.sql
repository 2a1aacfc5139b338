-- Sarafan schema, version 2: what the owner's statistics need to know about a click, and the
-- program's own link-preview image. Columns are added, not redefined: a STRICT table's CHECK
-- constraints cannot be altered, and existing rows keep their values (old clicks: not from a QR
-- code, browser / OS / device unknown).

ALTER TABLE clicks ADD COLUMN qr INTEGER NOT NULL DEFAULT 0 CHECK (qr IN (0, 1));
-- Parsed from the user agent (ua-parser-js); NULL when it names none. The user agent itself is not kept.
ALTER TABLE clicks ADD COLUMN browser TEXT;
ALTER TABLE clicks ADD COLUMN os TEXT;
ALTER TABLE clicks ADD COLUMN device_type TEXT CHECK (device_type IN ('desktop', 'mobile', 'tablet', 'other'));
-- The owner's statistics: counted clicks of a program in a time range.
CREATE INDEX clicks_by_program ON clicks (program_id, created_at);

-- Shown by link previews (OpenGraph / Twitter cards) of short links; NULL = the built-in card.
ALTER TABLE programs ADD COLUMN preview_image_url TEXT;
