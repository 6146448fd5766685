-- The roster: staff search members of their subtree by name and page through them newest first.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "Name contains": a trigram index serves LIKE/ILIKE '%…%' for patterns of three characters or more; shorter
-- patterns are served by the scope and order indexes below.
CREATE INDEX member_name_trgm_idx ON member USING gin (name gin_trgm_ops);

-- Newest first over a large scope (a district, the city): read in order and stop after one page.
CREATE INDEX member_roster_order_idx ON member (joined_on DESC, id DESC);
