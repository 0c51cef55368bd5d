-- The query store: CloudTrail events (partitioned by day), findings with triage, dashboard rollups, outlier series,
-- rejected inputs, the accounts seen, and API tokens. Identifier-like columns use the "C" collation: byte-wise
-- comparison is what an ARN or an account id needs, it is faster, and it lets btree indexes serve prefix LIKE.

-- Trigram matching serves the free-text userAgent search. pg_trgm is a trusted extension (PostgreSQL 13+), so the
-- schema owner may install it; where it cannot be installed the search still works, only without an index.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION pg_trgm SCHEMA ${flyway:defaultSchema};
        EXCEPTION WHEN OTHERS THEN
            RAISE NOTICE 'pg_trgm is not available (%): userAgent search will run without an index', SQLERRM;
        END;
    END IF;
END $$;

-- Every distinct userAgent seen, so the trigram index covers thousands of distinct strings instead of every event
-- (a trigram index on the events themselves costs more per stored event than all their other indexes together).
-- A search finds the matching user agents here, then their events by user_agent_id. Identified by a SHA-256 of the
-- text because a user agent may be longer than a btree entry allows.
CREATE TABLE user_agents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hash        bytea NOT NULL UNIQUE,
    user_agent  text  NOT NULL
);

DO $$
DECLARE
    trgm_schema text;
BEGIN
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX user_agents_trgm_idx ON user_agents USING gin (user_agent %I.gin_trgm_ops)',
                       trgm_schema);
    END IF;
END $$;

-- One row per CloudTrail record. Partitions (one per UTC day, events_pYYYYMMDD) are created ahead of time and on
-- demand by the service and dropped when older than the retention. The primary key must contain the partition key;
-- a record's eventTime is part of the record, so (event_id, event_time) identifies it as well as eventID does, and
-- its index also serves the lookup by eventID alone.
CREATE TABLE events (
    event_id             text COLLATE "C" NOT NULL,
    event_time           timestamptz      NOT NULL,
    account_id           text COLLATE "C" NOT NULL,
    region               text COLLATE "C",
    event_source         text COLLATE "C",
    event_name           text COLLATE "C",
    event_type           text COLLATE "C",
    principal_type       text COLLATE "C",
    principal_arn        text COLLATE "C",
    principal_name       text COLLATE "C",
    principal_account_id text COLLATE "C",
    access_key_id        text COLLATE "C",
    source_ip            text COLLATE "C",
    source_inet          inet,
    user_agent           text COLLATE "C",
    user_agent_id        bigint,
    error_code           text COLLATE "C",
    error_message        text,
    read_only            boolean,
    console_login        text COLLATE "C",
    mfa_used             text COLLATE "C",
    ingested_at          timestamptz      NOT NULL DEFAULT now(),
    record               jsonb            NOT NULL,
    PRIMARY KEY (event_id, event_time)
) PARTITION BY RANGE (event_time);

-- Each filter has an index leading with it and followed by eventTime, so a filtered page is read newest first
-- straight from the index. Keys are kept narrow (no eventID: ties on eventTime are ordered by an incremental sort),
-- as every index costs on each stored event.
CREATE INDEX events_time_idx ON events (event_time);
CREATE INDEX events_account_idx ON events (account_id, event_time);
CREATE INDEX events_name_idx ON events (event_name, event_time);
CREATE INDEX events_principal_arn_idx ON events (principal_arn, event_time);
CREATE INDEX events_principal_name_idx ON events (principal_name, event_time);
CREATE INDEX events_source_inet_idx ON events (source_inet, event_time);
CREATE INDEX events_user_agent_idx ON events (user_agent_id, event_time);
CREATE INDEX events_error_idx ON events (error_code, event_time) WHERE error_code IS NOT NULL;

-- The accounts and regions seen, maintained as events are stored (only newly stored events move the times).
CREATE TABLE account_regions (
    account_id       text COLLATE "C" NOT NULL,
    region           text COLLATE "C" NOT NULL,
    first_event_time timestamptz      NOT NULL,
    last_event_time  timestamptz      NOT NULL,
    PRIMARY KEY (account_id, region)
);

-- Findings: every field of the Finding contract (nested ones as jsonb), plus triage.
CREATE TABLE findings (
    finding_id     text COLLATE "C" PRIMARY KEY,
    rule_id        text COLLATE "C" NOT NULL,
    title          text             NOT NULL,
    severity       text COLLATE "C" NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
    severity_rank  smallint         NOT NULL,
    category       text COLLATE "C" NOT NULL,
    cis            jsonb,
    account_id     text COLLATE "C" NOT NULL,
    region         text COLLATE "C",
    event_time     timestamptz      NOT NULL,
    event_id       text COLLATE "C",
    event_name     text COLLATE "C",
    event_source   text COLLATE "C",
    principal_type text COLLATE "C",
    principal_arn  text COLLATE "C",
    principal_name text COLLATE "C",
    source_ip      text COLLATE "C",
    country        text COLLATE "C",
    city           text,
    latitude       double precision,
    longitude      double precision,
    user_agent     text,
    summary        text             NOT NULL,
    detected_at    timestamptz      NOT NULL,
    event          jsonb,
    outlier        jsonb,
    stored_at      timestamptz      NOT NULL DEFAULT now(),
    status         text COLLATE "C" NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'acknowledged', 'resolved', 'false_positive')),
    assignee       text COLLATE "C",
    updated_at     timestamptz,
    updated_by     text,
    comment_count  integer          NOT NULL DEFAULT 0,
    version        integer          NOT NULL DEFAULT 0
);
CREATE INDEX findings_time_idx ON findings (event_time DESC, finding_id DESC)
    INCLUDE (rule_id, account_id, region, principal_arn, principal_name, source_ip);
CREATE INDEX findings_status_idx ON findings (status, event_time DESC, finding_id DESC);
CREATE INDEX findings_rule_idx ON findings (rule_id, event_time DESC, finding_id DESC);
CREATE INDEX findings_account_idx ON findings (account_id, event_time DESC, finding_id DESC);
CREATE INDEX findings_assignee_idx ON findings (assignee, event_time DESC, finding_id DESC) WHERE assignee IS NOT NULL;
CREATE INDEX findings_event_idx ON findings (event_id) WHERE event_id IS NOT NULL;

CREATE TABLE finding_comments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id  text COLLATE "C" NOT NULL REFERENCES findings (finding_id) ON DELETE CASCADE,
    author      text             NOT NULL,
    body        text             NOT NULL,
    created_at  timestamptz      NOT NULL
);
CREATE INDEX finding_comments_finding_idx ON finding_comments (finding_id, id);

-- Every triage change: who, when, which field, from what, to what.
CREATE TABLE finding_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id  text COLLATE "C" NOT NULL REFERENCES findings (finding_id) ON DELETE CASCADE,
    actor       text             NOT NULL,
    changed_at  timestamptz      NOT NULL,
    field       text COLLATE "C" NOT NULL,
    from_value  text,
    to_value    text
);
CREATE INDEX finding_history_finding_idx ON finding_history (finding_id, id);

-- Dashboard rollups: findings per 1-minute bucket (of eventTime) x rule x account x region x country x eventName,
-- added to only for findings stored for the first time, so a redelivered finding is counted once. Unknown region,
-- country or event name is ''.
CREATE TABLE finding_rollups (
    bucket      timestamptz      NOT NULL,
    rule_id     text COLLATE "C" NOT NULL,
    account_id  text COLLATE "C" NOT NULL,
    region      text COLLATE "C" NOT NULL,
    country     text COLLATE "C" NOT NULL,
    event_name  text COLLATE "C" NOT NULL,
    findings    integer          NOT NULL,
    PRIMARY KEY (bucket, rule_id, account_id, region, country, event_name)
);

-- Outlier series points (trailwatch.metrics); a later point for the same slice replaces the earlier one.
CREATE TABLE series_points (
    series_id      text COLLATE "C" NOT NULL,
    bucket_start   timestamptz      NOT NULL,
    detector_id    text COLLATE "C" NOT NULL,
    group_key      text COLLATE "C" NOT NULL,
    bucket_seconds integer          NOT NULL,
    value          bigint           NOT NULL,
    mean           double precision,
    stddev         double precision,
    upper          double precision,
    lower          double precision,
    outlier        boolean          NOT NULL,
    violation      boolean          NOT NULL,
    PRIMARY KEY (series_id, bucket_start)
);
CREATE INDEX series_points_time_idx ON series_points (bucket_start, detector_id);

-- Rejected inputs (trailwatch.rejected). The id is a hash of the message, so a redelivered message is stored once.
CREATE TABLE rejections (
    rejection_id  text COLLATE "C" PRIMARY KEY,
    source        text             NOT NULL,
    reason        text COLLATE "C" NOT NULL,
    message       text             NOT NULL,
    record_index  integer,
    event_id      text,
    sample        text,
    rejected_by   text             NOT NULL,
    rejected_at   timestamptz      NOT NULL,
    received_at   timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX rejections_time_idx ON rejections (rejected_at DESC, rejection_id DESC);

-- API tokens for portals: only a SHA-256 of the secret part is stored; the token itself is shown once.
CREATE TABLE api_tokens (
    token_id     text COLLATE "C" PRIMARY KEY,
    name         text             NOT NULL,
    role         text COLLATE "C" NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    secret_hash  bytea            NOT NULL,
    created_by   text             NOT NULL,
    created_at   timestamptz      NOT NULL,
    expires_at   timestamptz      NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text,
    last_used_at timestamptz
);
