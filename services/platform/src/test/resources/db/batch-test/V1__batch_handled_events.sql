-- What the batch test consumer did. No unique key on event_id on purpose: a second handling of a
-- redelivered event would show as a second row.
CREATE TABLE batch_handled_event (
    seq        bigserial   PRIMARY KEY,
    event_id   uuid        NOT NULL,
    need_id    uuid        NOT NULL,
    title      text        NOT NULL
);
