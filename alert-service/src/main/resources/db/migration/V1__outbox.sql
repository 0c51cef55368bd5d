-- One row per finding and channel: the decision to notify, written in the same transaction as the consumer's
-- progress, and the state of its delivery.
CREATE TABLE notifications (
    finding_id      text        NOT NULL,
    channel         text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    response_code   integer,
    payload         json        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    PRIMARY KEY (finding_id, channel),
    CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'retrying', 'delivered', 'failed'))
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('pending', 'retrying');
