-- notification-service: notifications (the in-app inbox), their deliveries by channel (the notification
-- outbox the dispatcher works through), each recipient's choices and sealed addresses with the log of
-- their reads, and the small read models the schedulers watch (activities, sign-ups, open proposals).
-- Events bring ids, times and numbers only; the one personal datum here, an e-mail address, is typed in
-- by its owner and kept sealed. The platform's migration (outbox, processed_event) is added by the platform library.

-- One notification to one recipient (a volunteer, or a station and so its staff), about one thing (ref).
-- Unique per kind, ref and recipient: a redelivered event or a scheduler's second pass never notifies twice.
CREATE TABLE notification (
    id             uuid         PRIMARY KEY,
    recipient_kind varchar(20)  NOT NULL CHECK (recipient_kind IN ('volunteer', 'station')),
    recipient_id   uuid         NOT NULL,
    kind           varchar(30)  NOT NULL,
    ref            varchar(100) NOT NULL,
    args           jsonb        NOT NULL DEFAULT '{}',
    link           varchar(300),
    created_at     timestamptz  NOT NULL,
    read_at        timestamptz,
    CONSTRAINT notification_once UNIQUE (kind, ref, recipient_kind, recipient_id)
);
CREATE INDEX notification_inbox ON notification (recipient_kind, recipient_id, created_at DESC);

-- The notification outbox: one row per notification and channel, worked through by the dispatcher
-- (FOR UPDATE SKIP LOCKED), retried with back-off while the channel fails, never lost.
CREATE TABLE delivery (
    notification_id uuid         NOT NULL REFERENCES notification (id),
    channel         varchar(30)  NOT NULL,
    status          varchar(10)  NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_error      varchar(500),
    sent_at         timestamptz,
    PRIMARY KEY (notification_id, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending';

-- A recipient's settings: the language of what is sent to them.
CREATE TABLE preference (
    recipient_kind varchar(20) NOT NULL,
    recipient_id   uuid        NOT NULL,
    language       varchar(10) NOT NULL DEFAULT 'zh-CN',
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (recipient_kind, recipient_id)
);

-- A recipient's address on a channel that needs one (e-mail; later SMS, WeChat), sealed with the
-- platform's FieldCipher, bound to <recipient_kind>/<recipient_id>/<channel>.
CREATE TABLE contact (
    recipient_kind varchar(20) NOT NULL,
    recipient_id   uuid        NOT NULL,
    channel        varchar(30) NOT NULL,
    address_sealed bytea       NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (recipient_kind, recipient_id, channel)
);

-- A recipient's choice for one kind on one channel; no row: the channel's default (on).
CREATE TABLE channel_choice (
    recipient_kind varchar(20) NOT NULL,
    recipient_id   uuid        NOT NULL,
    kind           varchar(30) NOT NULL,
    channel        varchar(30) NOT NULL,
    enabled        boolean     NOT NULL,
    PRIMARY KEY (recipient_kind, recipient_id, kind, channel)
);

-- Every read of an address: who, whose, why (the owner looking at their settings, the dispatcher sending).
CREATE TABLE contact_access (
    id             bigserial    PRIMARY KEY,
    recipient_kind varchar(20)  NOT NULL,
    recipient_id   uuid         NOT NULL,
    channel        varchar(30)  NOT NULL,
    actor          varchar(100) NOT NULL,
    reason         varchar(200) NOT NULL,
    accessed_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX contact_access_by_recipient ON contact_access (recipient_kind, recipient_id, accessed_at);

-- Activities as the volunteer service announced them: when they start, whether cancelled (final).
-- as_of: the occurredAt of the newest event applied; an older one read late changes nothing.
CREATE TABLE watched_activity (
    id        uuid        PRIMARY KEY,
    kind      varchar(40) NOT NULL DEFAULT 'UNKNOWN',
    starts_at timestamptz,
    cancelled boolean     NOT NULL DEFAULT false,
    as_of     timestamptz NOT NULL
);
CREATE INDEX watched_activity_start ON watched_activity (starts_at) WHERE NOT cancelled;

-- Sign-ups: PENDING, CONFIRMED, WAITLISTED, REJECTED, WITHDRAWN (the last two final); reminded once.
CREATE TABLE watched_sign_up (
    id           uuid        PRIMARY KEY,
    activity_id  uuid        NOT NULL,
    volunteer_id uuid        NOT NULL,
    status       varchar(20) NOT NULL,
    as_of        timestamptz NOT NULL,
    reminded_at  timestamptz
);
CREATE INDEX watched_sign_up_activity ON watched_sign_up (activity_id);

-- Proposals waiting for the station's decision, until accepted, declined or escalated (closed is final).
CREATE TABLE watched_proposal (
    match_id   uuid        PRIMARY KEY,
    station_id uuid        NOT NULL,
    expires_at timestamptz,
    open       boolean     NOT NULL,
    warned_at  timestamptz
);
CREATE INDEX watched_proposal_due ON watched_proposal (expires_at) WHERE open AND warned_at IS NULL;
