-- Issue 6: replay and audit.
--
-- need_view becomes a pure projection of the community service's need events, so a replay can empty
-- it and rebuild it from wushe.community.need. What matching decided about a need (OPEN, WAITING with
-- the reason, MATCHED, CLOSED) is this service's own state, like match: it moves to need_state, which
-- a replay keeps. The match table now references need_state, so emptying need_view never breaks it.

create table need_state (
    need_id     uuid primary key,
    -- OPEN (being matched), WAITING (for supply or the next batch), MATCHED (a live match), CLOSED.
    state       text not null,
    waiting_zh  text,
    waiting_en  text,
    updated_at  timestamptz not null
);
insert into need_state (need_id, state, waiting_zh, waiting_en, updated_at)
    select need_id, state, waiting_zh, waiting_en, updated_at from need_view;
create index need_state_waiting on need_state (need_id) where state = 'WAITING';

alter table match drop constraint match_need_id_fkey;
alter table match add constraint match_need_state_fkey foreign key (need_id) references need_state;

drop index need_view_waiting;
alter table need_view drop column state, drop column waiting_zh, drop column waiting_en;
create index need_view_published on need_view (published_at);

-- The audit trail of each need (GET /needs/{id}/history): one row per event about the need, written
-- in the transaction of the consumer that handled it, idempotent by event id, kept by a replay.
-- Summaries are plain and short, without personal data (ids are shortened, names never appear).
create table audit_event (
    event_id     uuid primary key,
    need_id      uuid not null,
    event_type   text not null,
    topic        text not null,
    -- Where the event was read (its order within the partition); null if unknown.
    kafka_partition int,
    topic_offset bigint,
    occurred_at  timestamptz not null,
    -- Who acted: a person's account id, system:<consumer> or system:<service>; null on older events.
    actor        text,
    summary_zh   text not null,
    summary_en   text not null,
    recorded_at  timestamptz not null default now()
);
create index audit_event_need on audit_event (need_id, occurred_at, topic_offset);
