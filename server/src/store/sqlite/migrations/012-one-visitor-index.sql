-- Sarafan schema, version 12: one index of clicks by browser instead of two.
--
-- Visitor ids are random, so each index keyed by them takes every new click to a page of its
-- own: with two of them, a batch of clicks rewrote two random pages per click (measured: about
-- 90 pages per commit of 22 clicks with random visitor ids, most of the commit's time).
-- A browser has few clicks, so one index led by the visitor id serves both look-ups: by
-- ambassador (deduplication, the ambassador's own clicks) through its second column, by program
-- (attribution, analytics) with a look-up of each of those few clicks.
DROP INDEX clicks_by_visitor;
DROP INDEX clicks_by_program_visitor;
CREATE INDEX clicks_of_visitor ON clicks (visitor_id, ambassador_id, created_at) WHERE visitor_id IS NOT NULL;
