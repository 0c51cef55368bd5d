-- CloudTrail records: the columns analysts filter on, and the record as AWS wrote it.
CREATE TABLE events (
    event_id        text        PRIMARY KEY,
    event_time      timestamptz NOT NULL,
    account_id      text        NOT NULL,
    region          text,
    event_source    text,
    event_name      text,
    principal_type  text,
    principal_arn   text,
    principal_name  text,
    source_ip       text,
    user_agent      text,
    error_code      text,
    read_only       boolean,
    ingested_at     timestamptz NOT NULL DEFAULT now(),
    record          jsonb       NOT NULL
);
CREATE INDEX events_time_idx ON events (event_time DESC, event_id DESC);
CREATE INDEX events_account_time_idx ON events (account_id, event_time DESC);
CREATE INDEX events_name_time_idx ON events (event_name, event_time DESC);

-- Findings: the Finding contract's fields as columns plus the finding as published.
CREATE TABLE findings (
    finding_id      text        PRIMARY KEY,
    rule_id         text        NOT NULL,
    title           text        NOT NULL,
    severity        text        NOT NULL,
    category        text        NOT NULL,
    account_id      text        NOT NULL,
    region          text,
    event_time      timestamptz NOT NULL,
    event_id        text,
    event_name      text,
    principal_arn   text,
    source_ip       text,
    country         text,
    summary         text        NOT NULL,
    detected_at     timestamptz NOT NULL,
    stored_at       timestamptz NOT NULL DEFAULT now(),
    finding         jsonb       NOT NULL
);
CREATE INDEX findings_time_idx ON findings (event_time DESC, finding_id DESC);
CREATE INDEX findings_rule_time_idx ON findings (rule_id, event_time DESC);
CREATE INDEX findings_account_time_idx ON findings (account_id, event_time DESC);
