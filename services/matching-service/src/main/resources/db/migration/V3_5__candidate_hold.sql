-- What each live match takes from its candidate, kept with the candidate in the shared database, so that several
-- matching-service instances (each with its own in-memory engine) never hold one candidate twice: a proposal claims
-- its candidate under a per-candidate transaction lock (pg_advisory_xact_lock) after checking the holds already
-- here, and inserts its row in the transaction that inserts the match; a lost race makes the instance learn the
-- other's holds and take its next candidate. A row goes when its match ends (declined, lapsed, failed, withdrawn,
-- completed) and, for goods and funds, when the resource service reserved the stock (the offer's remaining then
-- counts it). See CandidateHolds.
create table candidate_hold (
    match_id       uuid primary key,
    candidate_kind text not null,
    candidate_id   uuid not null,
    -- The engine's Allocation as JSON (units, fen, places and session, or the volunteer's booked window); null: none.
    allocation     jsonb,
    held_at        timestamptz not null default now()
);
create index candidate_hold_candidate on candidate_hold (candidate_kind, candidate_id);

-- The live matches of today hold their candidates (a RESERVED match of goods or funds does not: see above).
insert into candidate_hold (match_id, candidate_kind, candidate_id, allocation, held_at)
select m.match_id, m.candidate_kind, m.candidate_id, m.allocation, m.proposed_at
from match m
where m.status in ('PROPOSED', 'ESCALATED', 'ACCEPTED')
   or (m.status = 'RESERVED'
       and not exists (select 1 from offer_view o where o.offer_id = m.candidate_id and o.kind in ('GOODS', 'FUND')));
