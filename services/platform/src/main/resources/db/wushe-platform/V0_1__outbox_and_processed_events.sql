-- Owned by the platform library; every service gets it through Flyway (location db/wushe-platform).
-- Service migrations start at V1.

-- Transactional outbox. Rows are inserted and deleted in the caller's transaction: Debezium reads
-- the insert from the write-ahead log, so the table itself stays empty.
CREATE TABLE outbox (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(100) NOT NULL,
    aggregateid   varchar(100) NOT NULL,
    type          varchar(100) NOT NULL,
    payload       bytea        NOT NULL,
    occurredat    timestamptz  NOT NULL,
    traceparent   varchar(55)
);

-- Idempotent consumers: an event id is recorded in the same transaction as the change it causes.
CREATE TABLE processed_event (
    consumer     varchar(100) NOT NULL,
    event_id     uuid         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
