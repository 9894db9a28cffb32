package org.wushe.hub.matching.readmodel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.engine.NeedSpec;
import org.wushe.hub.matching.engine.OfferSpec;
import org.wushe.hub.matching.engine.VolunteerSpec;
import tools.jackson.databind.ObjectMapper;

/**
 * The read model of needs, volunteers, offers, organization capacity and stations, kept in this
 * service's own schema. Each change is written in the transaction that records the event id as
 * processed, so a redelivered event changes nothing and a restart loses nothing; the engine's
 * in-memory indexes are loaded from here at start ({@link #loadInto}). Times written here are the
 * events' own, so a replay from the topics ({@code POST /admin/replay}) writes the very same rows;
 * what matching decided about a need lives apart, in {@code need_state}, which a replay keeps.
 */
@Repository
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    private static final int PROGRESS_EVERY = 100_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ReadModel(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // ---- stations

    public record Station(UUID stationId, UUID parentStationId, String level, String name) {}

    public void putStation(Station s) {
        jdbc.update("""
                insert into station_view (station_id, parent_station_id, level, name) values (?, ?, ?, ?)
                on conflict (station_id) do update set parent_station_id = excluded.parent_station_id, level = excluded.level, name = excluded.name
                """, s.stationId(), s.parentStationId(), s.level(), s.name());
    }

    public Optional<Station> station(UUID stationId) {
        return jdbc
                .query(
                        "select station_id, parent_station_id, level, name from station_view where station_id = ?",
                        (rs, i) -> new Station(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4)),
                        stationId)
                .stream()
                .findFirst();
    }

    public List<Station> stations() {
        return jdbc.query(
                "select station_id, parent_station_id, level, name from station_view order by name",
                (rs, i) -> new Station(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
    }

    // ---- needs

    public record NeedRow(
            NeedSpec spec, String title, int revision, NeedState state, String waitingZh, String waitingEn) {}

    /**
     * Records a published need (as of {@code at}, the event's time, so a replay writes the same row);
     * false if it is known already (at this or a later revision). A new need starts OPEN in
     * {@code need_state}; a need matching has decided on keeps its state there (a replay rebuilds only
     * {@code need_view}).
     */
    public boolean insertNeed(NeedSpec spec, String title, int revision, Instant at) {
        boolean inserted = jdbc.update(
                        """
                insert into need_view (need_id, community_id, station_id, revision, title, spec, published_at, updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?) on conflict (need_id) do nothing
                """,
                        spec.needId(),
                        spec.communityId(),
                        spec.stationId(),
                        revision,
                        title,
                        write(spec),
                        Timestamp.from(Instant.ofEpochMilli(spec.publishedAtMillis())),
                        Timestamp.from(at))
                == 1;
        jdbc.update(
                "insert into need_state (need_id, state, updated_at) values (?, 'OPEN', ?) on conflict (need_id) do nothing",
                spec.needId(),
                Timestamp.from(at));
        return inserted;
    }

    /** Replaces what a need asks for if {@code revision} is newer; true if it changed. */
    public boolean updateNeed(NeedSpec spec, String title, int revision, Instant at) {
        return jdbc.update(
                        "update need_view set spec = ?::jsonb, title = ?, revision = ?, updated_at = ? where need_id = ? and revision < ?",
                        write(spec),
                        title,
                        revision,
                        Timestamp.from(at),
                        spec.needId(),
                        revision)
                == 1;
    }

    private static final String NEED = """
            select v.spec, v.title, v.revision, coalesce(s.state, 'OPEN'), s.waiting_zh, s.waiting_en
            from need_view v left join need_state s on s.need_id = v.need_id where v.need_id = ?""";

    public Optional<NeedRow> need(UUID needId) {
        return jdbc
                .query(
                        NEED,
                        (rs, i) -> new NeedRow(
                                read(rs.getString(1), NeedSpec.class),
                                rs.getString(2),
                                rs.getInt(3),
                                NeedState.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6)),
                        needId)
                .stream()
                .findFirst();
    }

    /** The needs of these ids that the read model holds, in one query (for a page of match views). */
    public Map<UUID, NeedRow> needs(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        Object[] ids = new HashSet<>(needIds).toArray();
        Map<UUID, NeedRow> out = new HashMap<>();
        jdbc.query(
                """
                select v.need_id, v.spec, v.title, v.revision, coalesce(s.state, 'OPEN'), s.waiting_zh, s.waiting_en
                from need_view v left join need_state s on s.need_id = v.need_id where v.need_id in (""" + String.join(", ", Collections.nCopies(ids.length, "?")) + ")",
                rs -> {
                    out.put(
                            rs.getObject(1, UUID.class),
                            new NeedRow(
                                    read(rs.getString(2), NeedSpec.class),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    NeedState.valueOf(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getString(7)));
                },
                ids);
        return out;
    }

    /**
     * Locks the need's matching state for the rest of the transaction, so decisions on one need run one at
     * a time; empty if the need is not known (or, during a replay, not read again yet).
     */
    public Optional<NeedRow> lockNeed(UUID needId) {
        jdbc.query("select need_id from need_state where need_id = ? for update", (rs, i) -> null, needId);
        return need(needId);
    }

    /** Sets what matching decided about the need; a repeat of the same state changes nothing (not even the time). */
    public void setNeedState(UUID needId, NeedState state, String waitingZh, String waitingEn, Instant now) {
        jdbc.update(
                """
                update need_state set state = ?, waiting_zh = ?, waiting_en = ?, updated_at = ?
                where need_id = ? and (state, waiting_zh, waiting_en) is distinct from (?::text, ?::text, ?::text)
                """,
                state.name(),
                waitingZh,
                waitingEn,
                Timestamp.from(now),
                needId,
                state.name(),
                waitingZh,
                waitingEn);
    }

    /** Needs waiting for supply or the batch, oldest first. */
    public List<NeedSpec> waitingNeeds(int limit) {
        return jdbc.query("""
                select v.spec from need_state s join need_view v on v.need_id = s.need_id
                where s.state = 'WAITING' order by v.published_at limit ?""", (rs, i) -> read(rs.getString(1), NeedSpec.class), limit);
    }

    /** Needs that are OPEN (nothing decided yet) and known here, oldest first: after a replay they are matched. */
    public List<UUID> openNeeds() {
        return jdbc.queryForList("""
                select s.need_id from need_state s join need_view v on v.need_id = s.need_id
                where s.state = 'OPEN' order by v.published_at""", UUID.class);
    }

    public int countNeeds(NeedState state) {
        Integer n = jdbc.queryForObject("select count(*) from need_state where state = ?", Integer.class, state.name());
        return n == null ? 0 : n;
    }

    // ---- volunteers

    public void putVolunteer(VolunteerSpec v, String label, Instant at) {
        jdbc.update("""
                insert into volunteer_view (volunteer_id, label, spec, updated_at) values (?, ?, ?::jsonb, ?)
                on conflict (volunteer_id) do update set label = excluded.label, spec = excluded.spec, updated_at = excluded.updated_at
                """, v.volunteerId(), label, write(v), Timestamp.from(at));
    }

    public Optional<VolunteerSpec> volunteer(UUID volunteerId) {
        return jdbc
                .query(
                        "select spec from volunteer_view where volunteer_id = ?",
                        (rs, i) -> read(rs.getString(1), VolunteerSpec.class),
                        volunteerId)
                .stream()
                .findFirst();
    }

    public Optional<String> volunteerLabel(UUID volunteerId) {
        return jdbc
                .queryForList("select label from volunteer_view where volunteer_id = ?", String.class, volunteerId)
                .stream()
                .findFirst();
    }

    // ---- offers and organization capacity

    public record OfferRow(OfferSpec spec, String title, int revision, boolean active) {}

    /** Inserts or replaces an offer unless a later revision is known; true if written. */
    public boolean putOffer(OfferSpec o, String title, int revision, Instant at) {
        return jdbc.update("""
                insert into offer_view (offer_id, kind, title, revision, spec, active, updated_at) values (?, ?, ?, ?, ?::jsonb, true, ?)
                on conflict (offer_id) do update set title = excluded.title, revision = excluded.revision, spec = excluded.spec,
                    active = true, updated_at = excluded.updated_at
                where offer_view.revision <= excluded.revision
                """, o.offerId(), o.kind().name(), title, revision, write(o), Timestamp.from(at)) == 1;
    }

    public Optional<OfferRow> offer(UUID offerId) {
        return jdbc
                .query(
                        "select spec, title, revision, active from offer_view where offer_id = ?",
                        (rs, i) -> new OfferRow(
                                read(rs.getString(1), OfferSpec.class),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getBoolean(4)),
                        offerId)
                .stream()
                .findFirst();
    }

    public void setRemaining(UUID offerId, long remaining, Instant now) {
        jdbc.update(
                "update offer_view set spec = jsonb_set(spec, '{remaining}', to_jsonb(?::bigint)), updated_at = ? where offer_id = ?",
                remaining,
                Timestamp.from(now),
                offerId);
    }

    /** Withdraws an offer unless a later revision is known; true if it was active. */
    public boolean deactivateOffer(UUID offerId, int revision, Instant now) {
        return jdbc.update(
                        "update offer_view set active = false, revision = greatest(revision, ?), updated_at = ? where offer_id = ? and active and revision <= ?",
                        revision,
                        Timestamp.from(now),
                        offerId,
                        revision)
                == 1;
    }

    // ---- start-up

    /** Loads every volunteer and active offer into the engine, logging progress; returns the counts. */
    public long[] loadInto(MatchEngine engine) {
        long started = System.nanoTime();
        long[] volunteers = {0};
        jdbc.query("select spec from volunteer_view", rs -> {
            engine.putVolunteer(read(rs.getString(1), VolunteerSpec.class));
            if (++volunteers[0] % PROGRESS_EVERY == 0) {
                log.info("Read model: {} volunteers loaded…", volunteers[0]);
            }
        });
        long[] offers = {0};
        jdbc.query("select spec from offer_view where active", rs -> {
            engine.putOffer(read(rs.getString(1), OfferSpec.class));
            if (++offers[0] % PROGRESS_EVERY == 0) {
                log.info("Read model: {} offers loaded…", offers[0]);
            }
        });
        log.info(
                "Read model loaded into the engine: {} volunteers, {} offers and capacities in {} ms",
                volunteers[0],
                offers[0],
                (System.nanoTime() - started) / 1_000_000);
        return new long[] {volunteers[0], offers[0]};
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }
}
