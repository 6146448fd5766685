-- The dual-communication funnel, built from events only (reporting never reads other modules' tables).
--
-- funnel_day holds, per node of the union tree and per day, the figures of the node's WHOLE SUBTREE: an event is
-- added to the row of the node it is attributed to and to the rows of all its ancestors. The funnel of any node over
-- any date range is then one index range over (org_path, day): at most one row per day, whatever the node's size.
-- When a subtree moves, its rows follow (paths rewritten) and its figures leave the old ancestors for the new ones.
CREATE TABLE funnel_day (
    org_path            TEXT NOT NULL,
    day                 DATE NOT NULL,
    worker_sessions     INT  NOT NULL DEFAULT 0,
    workers_reached     INT  NOT NULL DEFAULT 0,
    consultations       INT  NOT NULL DEFAULT 0,
    applications        INT  NOT NULL DEFAULT 0,
    members_joined      INT  NOT NULL DEFAULT 0,
    member_records      INT  NOT NULL DEFAULT 0,
    enterprise_sessions INT  NOT NULL DEFAULT 0,
    unions_founded      INT  NOT NULL DEFAULT 0
);
-- text_pattern_ops answers both the equality the funnel asks and the prefix range a subtree move rewrites. The
-- figures are included so that a funnel is an index-only scan: a node's days sit together in a few index pages,
-- while its heap rows are spread over as many pages as there are days (a cold cache would read each one).
CREATE UNIQUE INDEX funnel_day_path_day_idx ON funnel_day (org_path text_pattern_ops, day)
    INCLUDE (worker_sessions, workers_reached, consultations, applications, members_joined, member_records,
             enterprise_sessions, unions_founded);

-- The sessions as outreach announced them (SessionPlanned), with the union that organised them.
CREATE TABLE funnel_session (
    session_id  BIGINT PRIMARY KEY,
    code        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    org_id      BIGINT  NOT NULL,
    org_path    TEXT    NOT NULL,
    campaign_id BIGINT,
    held_on     DATE    NOT NULL,
    cancelled   BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX funnel_session_code_idx ON funnel_session (code);
CREATE INDEX funnel_session_path_idx ON funnel_session (org_path text_pattern_ops);
CREATE INDEX funnel_session_campaign_idx ON funnel_session (campaign_id, org_path text_pattern_ops)
    WHERE campaign_id IS NOT NULL;

-- Each session's own tallies by day, whether or not the session is known yet: what a cancellation takes back out of
-- funnel_day, what a late SessionPlanned puts in, and what the campaign page shows.
CREATE TABLE funnel_session_day (
    session_id      BIGINT NOT NULL,
    day             DATE   NOT NULL,
    workers_reached INT    NOT NULL DEFAULT 0,
    consultations   INT    NOT NULL DEFAULT 0,
    applications    INT    NOT NULL DEFAULT 0,
    members_joined  INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, day)
);

-- On-site applications and members, one row each: the key that makes a redelivered event count once, and the
-- parking place of an application or join whose session code is not known yet (session_id NULL).
CREATE TABLE funnel_application (
    application_no TEXT PRIMARY KEY,
    session_code   TEXT NOT NULL,
    submitted_on   DATE NOT NULL,
    session_id     BIGINT
);
CREATE INDEX funnel_application_waiting_idx ON funnel_application (session_code) WHERE session_id IS NULL;

CREATE TABLE funnel_member (
    member_no    TEXT PRIMARY KEY,
    session_code TEXT,
    joined_on    DATE NOT NULL,
    session_id   BIGINT
);
CREATE INDEX funnel_member_waiting_idx ON funnel_member (session_code)
    WHERE session_id IS NULL AND session_code IS NOT NULL;

-- Enterprises covered by enterprise sessions, one row per session and enterprise. Counted as DISTINCT enterprises
-- over the asked range at query time; org_path is NULL while the session is unknown or after it was cancelled.
CREATE TABLE funnel_enterprise_covered (
    session_id    BIGINT NOT NULL,
    enterprise_id BIGINT NOT NULL,
    day           DATE   NOT NULL,
    org_path      TEXT,
    PRIMARY KEY (session_id, enterprise_id)
);
CREATE INDEX funnel_enterprise_covered_path_idx ON funnel_enterprise_covered (org_path text_pattern_ops, day)
    INCLUDE (enterprise_id) WHERE org_path IS NOT NULL;

-- Keys of other events already applied (a founded union, a subtree move), so that a redelivery changes nothing.
CREATE TABLE funnel_applied_event (
    event_key  TEXT PRIMARY KEY,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
