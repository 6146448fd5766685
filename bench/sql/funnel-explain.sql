-- The funnel's read models at the seeds' scale, filled with synthetic rows, and EXPLAIN ANALYZE of the queries the
-- funnel report runs (city, one district, one street; children; months). A design check of the read model, not the
-- benchmark (that one will run the report over the generated city, through HTTP).
-- Usage, on an EMPTY scratch database of PostgreSQL 14+ (it creates the reporting tables itself):
--   psql -v ON_ERROR_STOP=1 -h HOST -p PORT -U USER -d DB -f bench/sql/funnel-explain.sql
\timing on
\i src/main/resources/db/migration/reporting/V700__funnel.sql

SELECT setseed(0.42);

-- The tree: the city /1/, 17 districts, 350 streets, 30,000 unions (grassroots and joint) under the streets.
CREATE TEMP TABLE street AS
SELECT s AS id, format('/1/%s/%s/', 2 + (s % 17), s) AS path FROM generate_series(100, 449) AS s;
CREATE TEMP TABLE unit AS
SELECT u AS id, st.path || u || '/' AS path FROM generate_series(1000, 30999) AS u JOIN street st ON st.id = 100 + (u % 350);

-- A day between 2018-04-01 and 2023-05-30.
CREATE FUNCTION pg_temp.any_day() RETURNS date LANGUAGE sql VOLATILE AS
$$ SELECT DATE '2018-04-01' + floor(random() * 1886)::int $$;
CREATE FUNCTION pg_temp.any_street() RETURNS text LANGUAGE sql VOLATILE AS
$$ SELECT format('/1/%s/%s/', 2 + (s % 17), s) FROM (SELECT 100 + floor(random() * 350)::int AS s) x $$;
CREATE FUNCTION pg_temp.self_and_ancestors(p text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS
$$ SELECT left(p, i) FROM generate_series(2, length(p)) AS i WHERE substr(p, i, 1) = '/' $$;

-- What the events would have added, one row per event, at the node they count for:
-- 27,100 worker sessions with their tallies (about 609,800 consultations, 160,100 applications in all),
-- 1,193,500 members' records one by one (the worst case: no imports in batches), 17,300 enterprise sessions,
-- 14,800 unions founded.
CREATE TEMP TABLE event_row (path text, day date, ws int, wr int, c int, a int, mj int, mr int, es int, uf int);
INSERT INTO event_row
SELECT pg_temp.any_street(), pg_temp.any_day(), 1, 40 + floor(random() * 60)::int, floor(random() * 46)::int,
       floor(random() * 12.8)::int, floor(random() * 11)::int, 0, 0, 0
  FROM generate_series(1, 27100);
INSERT INTO event_row
SELECT u.path, pg_temp.any_day(), 0, 0, 0, 0, 0, 1, 0, 0
  FROM generate_series(1, 1193500) AS g JOIN unit u ON u.id = 1000 + (g % 30000);
INSERT INTO event_row SELECT pg_temp.any_street(), pg_temp.any_day(), 0, 0, 0, 0, 0, 0, 1, 0 FROM generate_series(1, 17300);
INSERT INTO event_row SELECT pg_temp.any_street(), pg_temp.any_day(), 0, 0, 0, 0, 0, 0, 0, 1 FROM generate_series(1, 14800);

INSERT INTO funnel_day
SELECT a.path, e.day, sum(ws), sum(wr), sum(c), sum(a), sum(mj), sum(mr), sum(es), sum(uf)
  FROM event_row e CROSS JOIN LATERAL pg_temp.self_and_ancestors(e.path) AS a(path)
 GROUP BY a.path, e.day;

-- 30,000 coverings of 21,700 distinct enterprises by the 17,300 enterprise sessions.
INSERT INTO funnel_enterprise_covered (session_id, enterprise_id, day, org_path)
SELECT 1 + (g % 17300), 1 + (g % 21700), pg_temp.any_day(), pg_temp.any_street() FROM generate_series(1, 30000) AS g;

VACUUM ANALYZE funnel_day;
VACUUM ANALYZE funnel_enterprise_covered;

SELECT count(*) AS funnel_day_rows, pg_size_pretty(pg_total_relation_size('funnel_day')) AS size FROM funnel_day;
SELECT sum(worker_sessions) AS worker_sessions, sum(consultations) AS consultations, sum(applications) AS applications,
       sum(member_records) AS member_records, sum(enterprise_sessions) AS enterprise_sessions,
       sum(unions_founded) AS unions_founded
  FROM funnel_day WHERE org_path = '/1/';

-- The funnel of a node: its own rows (which hold its subtree) over the period, then distinct enterprises covered.
PREPARE figures(text, date, date) AS
SELECT coalesce(sum(worker_sessions), 0), coalesce(sum(workers_reached), 0), coalesce(sum(consultations), 0),
       coalesce(sum(applications), 0), coalesce(sum(members_joined), 0), coalesce(sum(member_records), 0),
       coalesce(sum(enterprise_sessions), 0), coalesce(sum(unions_founded), 0)
  FROM funnel_day WHERE org_path = $1 AND day BETWEEN $2 AND $3;
PREPARE covered(text, date, date) AS
SELECT count(DISTINCT enterprise_id) FROM funnel_enterprise_covered
 WHERE org_path ~>=~ $1 AND org_path ~<~ (left($1, -1) || '0') AND day BETWEEN $2 AND $3;
PREPARE children(text[], date, date) AS
SELECT org_path, sum(worker_sessions), sum(workers_reached), sum(consultations), sum(applications),
       sum(members_joined), sum(member_records), sum(enterprise_sessions), sum(unions_founded)
  FROM funnel_day WHERE org_path = ANY($1) AND day BETWEEN $2 AND $3 GROUP BY org_path;
PREPARE months(text, date, date) AS
SELECT CAST(date_trunc('month', day) AS date), sum(worker_sessions), sum(member_records)
  FROM funnel_day WHERE org_path = $1 AND day BETWEEN $2 AND $3 GROUP BY 1;
PREPARE children_covered(text[], date, date) AS
SELECT c.path, (SELECT count(DISTINCT e.enterprise_id) FROM funnel_enterprise_covered e
                 WHERE e.org_path ~>=~ c.path AND e.org_path ~<~ (left(c.path, -1) || '0') AND e.day BETWEEN $2 AND $3)
  FROM unnest($1) AS c(path);
PREPARE months_covered(text, date, date) AS
SELECT month, count(*)
  FROM (SELECT DISTINCT CAST(date_trunc('month', CAST(day AS timestamp)) AS date) AS month, enterprise_id
          FROM funnel_enterprise_covered
         WHERE org_path ~>=~ $1 AND org_path ~<~ (left($1, -1) || '0') AND day BETWEEN $2 AND $3) c
 GROUP BY month;

\echo '== the city, 2018-04-01 .. 2023-05-30'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE figures('/1/', '2018-04-01', '2023-05-30');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE covered('/1/', '2018-04-01', '2023-05-30');
\echo '== one district'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE figures('/1/2/', '2018-04-01', '2023-05-30');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE covered('/1/2/', '2018-04-01', '2023-05-30');
\echo '== one street, one year'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE figures('/1/2/102/', '2022-01-01', '2022-12-31');
\echo '== the city drilled down to its 17 districts, and its months'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE children(
    '{/1/2/,/1/3/,/1/4/,/1/5/,/1/6/,/1/7/,/1/8/,/1/9/,/1/10/,/1/11/,/1/12/,/1/13/,/1/14/,/1/15/,/1/16/,/1/17/,/1/18/}', '2018-04-01', '2023-05-30');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE months('/1/', '2018-04-01', '2023-05-30');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE children_covered(
    '{/1/2/,/1/3/,/1/4/,/1/5/,/1/6/,/1/7/,/1/8/,/1/9/,/1/10/,/1/11/,/1/12/,/1/13/,/1/14/,/1/15/,/1/16/,/1/17/,/1/18/}', '2018-04-01', '2023-05-30');
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE months_covered('/1/', '2018-04-01', '2023-05-30');

