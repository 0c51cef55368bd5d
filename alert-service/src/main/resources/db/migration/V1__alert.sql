-- alert-service: channels, routes and silences (configuration), the findings it has seen, alert groups (grouping
-- timers, Alertmanager style), the delivery outbox with every attempt, tickets opened in external systems, and the
-- Kafka consumer's progress (written in the same transaction as the notification decisions it led to).

CREATE TABLE channels (
    name        text        PRIMARY KEY,
    type        text        NOT NULL,
    -- Non-secret settings of the channel type, as the API shows them.
    settings    jsonb       NOT NULL,
    -- Write-only values: field -> {"encrypted": "v1:<key id>:<base64>"} or {"fromEnv": "TRAILWATCH_SECRET_..."}.
    secrets     jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    updated_by  text
);

CREATE TABLE routes (
    name               text        PRIMARY KEY,
    position           integer     NOT NULL,
    match              jsonb       NOT NULL,
    channels           text[]      NOT NULL,
    group_by           text[]      NOT NULL,
    group_wait_ms      bigint      NOT NULL,
    group_interval_ms  bigint      NOT NULL,
    repeat_interval_ms bigint      NOT NULL,
    continue_matching  boolean     NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    created_by         text,
    updated_by         text
);

CREATE TABLE silences (
    id          uuid        PRIMARY KEY,
    matchers    jsonb       NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    comment     text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expired_by  text,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT silences_period_check CHECK (ends_at >= starts_at)
);
CREATE INDEX silences_ends_idx ON silences (ends_at);

-- Every finding alert-service consumed, once (findingId is deterministic, so a redelivery is recognised).
CREATE TABLE findings (
    finding_id  text        PRIMARY KEY,
    finding     text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX findings_received_idx ON findings (received_at);

-- Findings resolved by triage (query-service calls the resolve endpoint); may arrive before the finding itself.
CREATE TABLE finding_resolutions (
    finding_id  text        PRIMARY KEY,
    resolved_at timestamptz NOT NULL DEFAULT now(),
    resolved_by text        NOT NULL,
    comment     text
);

-- One group per route and group-label values. next_flush_at is when its timers next need a look; null = idle.
CREATE TABLE alert_groups (
    id                bigserial   PRIMARY KEY,
    route_name        text        NOT NULL,
    group_key         text        NOT NULL,
    labels            jsonb       NOT NULL,
    group_interval_ms bigint      NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    next_flush_at     timestamptz,
    last_flush_at     timestamptz,
    last_notified_at  timestamptz,
    notifications     integer     NOT NULL DEFAULT 0,
    CONSTRAINT alert_groups_key UNIQUE (route_name, group_key)
);
CREATE INDEX alert_groups_due_idx ON alert_groups (next_flush_at) WHERE next_flush_at IS NOT NULL;

-- Membership of a finding in a group: pending (not notified yet), notified (firing), resolved (resolution not
-- notified yet), closed (resolution notified, resolved before any notification, or aged out), silenced.
CREATE TABLE group_findings (
    group_id    bigint      NOT NULL REFERENCES alert_groups (id) ON DELETE CASCADE,
    finding_id  text        NOT NULL,
    status      text        NOT NULL,
    silence_id  uuid,
    added_at    timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, finding_id),
    CONSTRAINT group_findings_status_check
        CHECK (status IN ('pending', 'notified', 'resolved', 'closed', 'silenced'))
);
CREATE INDEX group_findings_finding_idx ON group_findings (finding_id);
CREATE INDEX group_findings_open_idx ON group_findings (group_id) WHERE status IN ('pending', 'notified', 'resolved');

-- The outbox and delivery log: one row per notification and channel, with its state and counts of attempts.
CREATE TABLE deliveries (
    id              bigserial   PRIMARY KEY,
    channel_name    text        NOT NULL,
    channel_type    text        NOT NULL,
    route_name      text,
    group_id        bigint,
    group_key       text        NOT NULL,
    sequence        integer     NOT NULL,
    kind            text        NOT NULL,
    status          text        NOT NULL,
    group_labels    jsonb       NOT NULL,
    finding_ids     varchar[]   NOT NULL,
    new_ids         varchar[]   NOT NULL,
    resolved_ids    varchar[]   NOT NULL,
    firing_count    integer     NOT NULL,
    resolved_count  integer     NOT NULL,
    silence_ids     uuid[]      NOT NULL DEFAULT '{}',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    lease_until     timestamptz,
    lease_token     uuid,
    last_attempt_at timestamptz,
    last_error      text,
    response_code   integer,
    external_ref    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    CONSTRAINT deliveries_status_check
        CHECK (status IN ('pending', 'retrying', 'delivered', 'failed', 'silenced')),
    CONSTRAINT deliveries_kind_check CHECK (kind IN ('firing', 'resolved', 'test'))
);
CREATE INDEX deliveries_due_idx ON deliveries (channel_name, next_attempt_at) WHERE status IN ('pending', 'retrying');
CREATE INDEX deliveries_group_open_idx ON deliveries (group_id, channel_name, id) WHERE status IN ('pending', 'retrying');
CREATE INDEX deliveries_created_idx ON deliveries (created_at DESC, id DESC);
CREATE INDEX deliveries_findings_idx ON deliveries USING gin (finding_ids);

CREATE TABLE delivery_attempts (
    delivery_id   bigint      NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    attempt       integer     NOT NULL,
    started_at    timestamptz NOT NULL,
    duration_ms   integer     NOT NULL,
    outcome       text        NOT NULL,
    response_code integer,
    error         text,
    PRIMARY KEY (delivery_id, attempt)
);

-- Tickets opened in systems without their own dedup (Jira issue key, ServiceNow sys_id), per channel and group.
CREATE TABLE tickets (
    channel_name text        NOT NULL,
    group_key    text        NOT NULL,
    external_id  text        NOT NULL,
    external_key text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel_name, group_key)
);

-- The next offset to read per partition, committed with the rows a batch produced.
CREATE TABLE consumer_offsets (
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    kafka_partition integer    NOT NULL,
    next_offset    bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer_group, topic, kafka_partition)
);
