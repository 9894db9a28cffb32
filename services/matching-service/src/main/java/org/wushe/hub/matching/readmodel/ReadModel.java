package org.wushe.hub.matching.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    public ReadModel(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    // ---- stations

    public record Station(UUID stationId, UUID parentStationId, String level, String name) {}

    public void putStation(Station s) {
        jdbc.sql("""
                insert into station_view (station_id, parent_station_id, level, name)
                values (:station_id, :parent_station_id, :level, :name)
                on conflict (station_id) do update set parent_station_id = excluded.parent_station_id, level = excluded.level, name = excluded.name
                """)
                .param("station_id", s.stationId())
                .param("parent_station_id", s.parentStationId())
                .param("level", s.level())
                .param("name", s.name())
                .update();
    }

    /**
     * Records many stations in one statement (a batch of a replay or of the topic); of two rows for one station
     * the later wins, as it would one by one.
     */
    public void putStations(List<Station> stations) {
        Map<UUID, Station> last = new LinkedHashMap<>();
        stations.forEach(s -> last.put(s.stationId(), s));
        if (last.isEmpty()) {
            return;
        }
        List<Station> rows = List.copyOf(last.values());
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into station_view (station_id, parent_station_id, level, name)
                    select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[])
                    on conflict (station_id) do update set parent_station_id = excluded.parent_station_id, level = excluded.level, name = excluded.name
                    """);
            ps.setArray(
                    1,
                    con.createArrayOf(
                            "uuid", rows.stream().map(Station::stationId).toArray()));
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "uuid", rows.stream().map(Station::parentStationId).toArray()));
            ps.setArray(
                    3,
                    con.createArrayOf("text", rows.stream().map(Station::level).toArray()));
            ps.setArray(
                    4,
                    con.createArrayOf("text", rows.stream().map(Station::name).toArray()));
            return ps;
        });
    }

    private static final RowMapper<Station> STATION = (rs, i) ->
            new Station(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4));

    public Optional<Station> station(UUID stationId) {
        return jdbc.sql(
                        "select station_id, parent_station_id, level, name from station_view where station_id = :station_id")
                .param("station_id", stationId)
                .query(STATION)
                .optional(); // the primary key: one row at most
    }

    public List<Station> stations() {
        return jdbc.sql("select station_id, parent_station_id, level, name from station_view order by name")
                .query(STATION)
                .list();
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
        boolean inserted = jdbc.sql("""
                insert into need_view (need_id, community_id, station_id, revision, title, spec, published_at, updated_at)
                values (:need_id, :community_id, :station_id, :revision, :title, CAST(:spec AS jsonb), :published_at, :updated_at)
                on conflict (need_id) do nothing
                """)
                        .param("need_id", spec.needId())
                        .param("community_id", spec.communityId())
                        .param("station_id", spec.stationId())
                        .param("revision", revision)
                        .param("title", title)
                        .param("spec", write(spec))
                        .param("published_at", Timestamp.from(Instant.ofEpochMilli(spec.publishedAtMillis())))
                        .param("updated_at", Timestamp.from(at))
                        .update()
                == 1;
        jdbc.sql("insert into need_state (need_id, state, updated_at) values (:need_id, 'OPEN', :updated_at) "
                        + "on conflict (need_id) do nothing")
                .param("need_id", spec.needId())
                .param("updated_at", Timestamp.from(at))
                .update();
        return inserted;
    }

    /** Replaces what a need asks for if {@code revision} is newer; true if it changed. */
    public boolean updateNeed(NeedSpec spec, String title, int revision, Instant at) {
        return jdbc.sql("update need_view set spec = CAST(:spec AS jsonb), title = :title, revision = :revision, "
                                + "updated_at = :updated_at where need_id = :need_id and revision < :revision")
                        .param("spec", write(spec))
                        .param("title", title)
                        .param("revision", revision)
                        .param("updated_at", Timestamp.from(at))
                        .param("need_id", spec.needId())
                        .update()
                == 1;
    }

    /** A need's row to write with {@link #insertNeeds} or {@link #putNeeds}: what {@link #insertNeed} takes. */
    public record NeedPut(NeedSpec spec, String title, int revision, Instant at) {}

    /**
     * {@link #insertNeed} for many needs in two statements (a run of {@code NeedPublished} in a batch): the ids of
     * those that were not known yet, in the order given.
     */
    public List<UUID> insertNeeds(List<NeedPut> needs) {
        if (needs.isEmpty()) {
            return List.of();
        }
        Map<UUID, NeedPut> first = new LinkedHashMap<>();
        needs.forEach(n -> first.putIfAbsent(n.spec().needId(), n));
        Set<UUID> inserted = new HashSet<>();
        template.query(
                """
                insert into need_view (need_id, community_id, station_id, revision, title, spec, published_at, updated_at)
                select CAST(r->>'id' AS uuid), CAST(r->>'community' AS uuid), CAST(r->>'station' AS uuid),
                    CAST(r->>'revision' AS int), r->>'title', r->'spec', CAST(r->>'published' AS timestamptz),
                    CAST(r->>'at' AS timestamptz)
                from jsonb_array_elements(CAST(? AS jsonb)) r
                on conflict (need_id) do nothing
                returning need_id
                """,
                rs -> {
                    inserted.add(rs.getObject(1, UUID.class));
                },
                write(needRows(first.values())));
        insertOpen(first.values());
        return first.keySet().stream().filter(inserted::contains).toList();
    }

    /**
     * Writes many needs in two statements (a run of {@code NeedUpdated} in a batch): a need not known yet is
     * inserted (OPEN), a known one replaced if its revision is newer (as {@link #updateNeed}); of two rows for one
     * need the highest revision wins.
     */
    public void putNeeds(List<NeedPut> needs) {
        Map<UUID, NeedPut> newest = new LinkedHashMap<>();
        for (NeedPut n : needs) {
            newest.merge(n.spec().needId(), n, (known, later) -> later.revision() > known.revision() ? later : known);
        }
        if (newest.isEmpty()) {
            return;
        }
        template.update("""
                insert into need_view (need_id, community_id, station_id, revision, title, spec, published_at, updated_at)
                select CAST(r->>'id' AS uuid), CAST(r->>'community' AS uuid), CAST(r->>'station' AS uuid),
                    CAST(r->>'revision' AS int), r->>'title', r->'spec', CAST(r->>'published' AS timestamptz),
                    CAST(r->>'at' AS timestamptz)
                from jsonb_array_elements(CAST(? AS jsonb)) r
                on conflict (need_id) do update set spec = excluded.spec, title = excluded.title,
                    revision = excluded.revision, updated_at = excluded.updated_at
                where need_view.revision < excluded.revision
                """, write(needRows(newest.values())));
        insertOpen(newest.values());
    }

    /** A new need starts OPEN in {@code need_state}; one matching has decided on keeps its state. */
    private void insertOpen(Collection<NeedPut> needs) {
        template.update(
                """
                insert into need_state (need_id, state, updated_at)
                select CAST(r->>'id' AS uuid), 'OPEN', CAST(r->>'at' AS timestamptz)
                from jsonb_array_elements(CAST(? AS jsonb)) r
                on conflict (need_id) do nothing
                """,
                write(needs.stream()
                        .map(n -> new OpenDoc(n.spec().needId(), n.at().toString()))
                        .toList()));
    }

    /** One JSON document for a run of needs: the specs go in as objects, PostgreSQL splits it. */
    private static List<NeedDoc> needRows(Collection<NeedPut> needs) {
        List<NeedDoc> rows = new ArrayList<>(needs.size());
        for (NeedPut n : needs) {
            rows.add(new NeedDoc(
                    n.spec().needId(),
                    n.spec().communityId(),
                    n.spec().stationId(),
                    n.revision(),
                    n.title(),
                    n.spec(),
                    Instant.ofEpochMilli(n.spec().publishedAtMillis()).toString(),
                    n.at().toString()));
        }
        return rows;
    }

    // The elements of the JSON documents the set-based writes send (one document a statement, split by
    // jsonb_array_elements): records, so that the mapper writes each with serializers it resolved once, where maps
    // would make it look up a serializer for every value. Times go as ISO-8601 text, which PostgreSQL casts.

    private record NeedDoc(
            UUID id,
            UUID community,
            UUID station,
            int revision,
            String title,
            NeedSpec spec,
            String published,
            String at) {}

    private record OpenDoc(UUID id, String at) {}

    private record VolunteerDoc(UUID id, String label, VolunteerSpec spec, String at) {}

    private record AvailabilityDoc(UUID id, Specs.VolunteerAvailability availability, String at) {}

    private record OfferDoc(UUID id, String kind, String title, int revision, OfferSpec spec, String at) {}

    private static final String NEED = """
            select v.spec, v.title, v.revision, coalesce(s.state, 'OPEN'), s.waiting_zh, s.waiting_en
            from need_view v left join need_state s on s.need_id = v.need_id where v.need_id = :need_id""";

    public Optional<NeedRow> need(UUID needId) {
        return jdbc.sql(NEED)
                .param("need_id", needId)
                .query((rs, i) -> new NeedRow(
                        read(rs.getString(1), NeedSpec.class),
                        rs.getString(2),
                        rs.getInt(3),
                        NeedState.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6)))
                .optional(); // the primary key: one row at most
    }

    /** The needs of these ids that the read model holds, in one query (for a page of match views). */
    public Map<UUID, NeedRow> needs(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, NeedRow> out = new HashMap<>();
        jdbc.sql("""
                select v.need_id, v.spec, v.title, v.revision, coalesce(s.state, 'OPEN'), s.waiting_zh, s.waiting_en
                from need_view v left join need_state s on s.need_id = v.need_id where v.need_id in (:need_ids)""")
                .param("need_ids", List.copyOf(new HashSet<>(needIds))) // a list: expanded into (?, ?, …)
                .query(rs -> {
                    out.put(
                            rs.getObject(1, UUID.class),
                            new NeedRow(
                                    read(rs.getString(2), NeedSpec.class),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    NeedState.valueOf(rs.getString(5)),
                                    rs.getString(6),
                                    rs.getString(7)));
                });
        return out;
    }

    /**
     * Locks the need's matching state for the rest of the transaction, so decisions on one need run one at
     * a time; empty if the need is not known (or, during a replay, not read again yet).
     */
    public Optional<NeedRow> lockNeed(UUID needId) {
        jdbc.sql("select need_id from need_state where need_id = :need_id for update")
                .param("need_id", needId)
                .query(rs -> {}); // the row lock is all it is for
        return need(needId);
    }

    /**
     * {@link #lockNeed} for many needs in one statement, locked in the order of their ids (so two transactions
     * locking overlapping sets never wait on each other in a cycle); the needs the read model holds, by id.
     */
    public Map<UUID, NeedRow> lockNeeds(Collection<UUID> needIds) {
        if (needIds.isEmpty()) {
            return Map.of();
        }
        byIds(
                "select need_id from need_state where need_id = any(?) order by need_id for update",
                needIds,
                rs -> {}); // the row locks are all it is for
        return needs(needIds);
    }

    /**
     * {@link #setNeedState} for many needs in one statement, with no reason (a state a need does not wait in); a
     * need already in the state is left as it is.
     */
    public void setNeedStates(Collection<UUID> needIds, NeedState state, Instant now) {
        if (needIds.isEmpty()) {
            return;
        }
        UUID[] ids = new HashSet<>(needIds).toArray(UUID[]::new);
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                            update need_state set state = ?, waiting_zh = null, waiting_en = null, updated_at = ?
                            where need_id = any(?) and (state, waiting_zh, waiting_en) is distinct from (?, null, null)
                            """);
            ps.setString(1, state.name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, con.createArrayOf("uuid", ids));
            ps.setString(4, state.name());
            return ps;
        });
    }

    /** Sets what matching decided about the need; a repeat of the same state changes nothing (not even the time). */
    public void setNeedState(UUID needId, NeedState state, String waitingZh, String waitingEn, Instant now) {
        jdbc.sql("""
                update need_state set state = :state, waiting_zh = :waiting_zh, waiting_en = :waiting_en, updated_at = :updated_at
                where need_id = :need_id
                    and (state, waiting_zh, waiting_en)
                        is distinct from (CAST(:state AS text), CAST(:waiting_zh AS text), CAST(:waiting_en AS text))
                """)
                .param("state", state.name())
                .param("waiting_zh", waitingZh)
                .param("waiting_en", waitingEn)
                .param("updated_at", Timestamp.from(now))
                .param("need_id", needId)
                .update();
    }

    /** Needs waiting for supply or the batch, oldest first. */
    public List<NeedSpec> waitingNeeds(int limit) {
        return jdbc.sql("""
                select v.spec from need_state s join need_view v on v.need_id = s.need_id
                where s.state = 'WAITING' order by v.published_at limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> read(rs.getString(1), NeedSpec.class))
                .list();
    }

    /** Needs that are OPEN (nothing decided yet) and known here, oldest first: after a replay they are matched. */
    public List<UUID> openNeeds() {
        return jdbc.sql("""
                select s.need_id from need_state s join need_view v on v.need_id = s.need_id
                where s.state = 'OPEN' order by v.published_at""").query(UUID.class).list();
    }

    public int countNeeds(NeedState state) {
        return jdbc.sql("select count(*) from need_state where state = :state")
                .param("state", state.name())
                .query(Integer.class)
                .single();
    }

    // ---- volunteers

    public void putVolunteer(VolunteerSpec v, String label, Instant at) {
        jdbc.sql("""
                insert into volunteer_view (volunteer_id, label, spec, updated_at)
                values (:volunteer_id, :label, CAST(:spec AS jsonb), :updated_at)
                on conflict (volunteer_id) do update set label = excluded.label, spec = excluded.spec, updated_at = excluded.updated_at
                """)
                .param("volunteer_id", v.volunteerId())
                .param("label", label)
                .param("spec", write(v))
                .param("updated_at", Timestamp.from(at))
                .update();
    }

    /** A volunteer's row to write with {@link #putVolunteers}: what {@link #putVolunteer} takes. */
    public record VolunteerPut(VolunteerSpec spec, String label, Instant at) {}

    /**
     * Writes many volunteers in one statement; of two rows for one volunteer the later wins, as it would one by
     * one.
     */
    public void putVolunteers(List<VolunteerPut> volunteers) {
        Map<UUID, VolunteerPut> last = new LinkedHashMap<>();
        volunteers.forEach(v -> last.put(v.spec().volunteerId(), v));
        if (last.isEmpty()) {
            return;
        }
        // One JSON document for the whole run: the specs go in as objects (no text array to escape element by
        // element), PostgreSQL splits it.
        List<VolunteerDoc> rows = new ArrayList<>(last.size());
        for (VolunteerPut v : last.values()) {
            rows.add(new VolunteerDoc(v.spec().volunteerId(), v.label(), v.spec(), v.at().toString()));
        }
        template.update("""
                insert into volunteer_view (volunteer_id, label, spec, updated_at)
                select CAST(r->>'id' AS uuid), r->>'label', r->'spec', CAST(r->>'at' AS timestamptz)
                from jsonb_array_elements(CAST(? AS jsonb)) r
                on conflict (volunteer_id) do update set label = excluded.label, spec = excluded.spec, updated_at = excluded.updated_at
                """, write(rows));
    }

    /**
     * {@link #putAvailability}'s statement: the spec's availability properties removed, then the declared ones added,
     * so that a property the declaration leaves out (no weekly limit) is absent, as in a spec written whole.
     */
    private static final String PUT_AVAILABILITY =
            """
            update volunteer_view v
            set spec = (v.spec - CAST('{%s}' AS text[])) || (r->'availability'), updated_at = CAST(r->>'at' AS timestamptz)
            from jsonb_array_elements(CAST(? AS jsonb)) r
            where v.volunteer_id = CAST(r->>'id' AS uuid)
            returning v.volunteer_id""".formatted(String.join(",", Specs.VolunteerAvailability.PROPERTIES));

    /** A declaration of availability to write with {@link #putAvailability}. */
    public record AvailabilityPut(UUID volunteerId, Specs.VolunteerAvailability availability, Instant at) {}

    /**
     * Sets these volunteers' availability in their stored specs in one statement, the rest of each spec as it was
     * (of two declarations for one volunteer the later wins, as it would one by one): no spec is read and parsed
     * here to be written back whole. Returns the ids of the volunteers the read model holds (the others are left
     * alone); when {@code written} is given, it receives their specs as now stored.
     */
    public Set<UUID> putAvailability(List<AvailabilityPut> puts, Map<UUID, VolunteerSpec> written) {
        Map<UUID, AvailabilityPut> last = new LinkedHashMap<>();
        puts.forEach(p -> last.put(p.volunteerId(), p));
        if (last.isEmpty()) {
            return Set.of();
        }
        List<AvailabilityDoc> rows = new ArrayList<>(last.size());
        for (AvailabilityPut p : last.values()) {
            rows.add(new AvailabilityDoc(p.volunteerId(), p.availability(), p.at().toString()));
        }
        Set<UUID> found = new HashSet<>();
        template.query(
                written == null ? PUT_AVAILABILITY : PUT_AVAILABILITY + ", v.spec",
                (RowCallbackHandler) rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    found.add(id);
                    if (written != null) {
                        written.put(id, read(rs.getString(2), VolunteerSpec.class));
                    }
                },
                write(rows));
        return found;
    }

    /** The volunteers of these ids that the read model holds, in one query. */
    public Map<UUID, VolunteerSpec> volunteers(Collection<UUID> volunteerIds) {
        if (volunteerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, VolunteerSpec> out = new HashMap<>();
        byIds("select volunteer_id, spec from volunteer_view where volunteer_id = any(?)", volunteerIds, rs -> {
            out.put(rs.getObject(1, UUID.class), read(rs.getString(2), VolunteerSpec.class));
        });
        return out;
    }

    public Optional<VolunteerSpec> volunteer(UUID volunteerId) {
        return jdbc.sql("select spec from volunteer_view where volunteer_id = :volunteer_id")
                .param("volunteer_id", volunteerId)
                .query((rs, i) -> read(rs.getString(1), VolunteerSpec.class))
                .optional(); // the primary key: one row at most
    }

    /** The labels of these volunteers that the read model holds, in one query. */
    public Map<UUID, String> volunteerLabels(Collection<UUID> volunteerIds) {
        if (volunteerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> out = new HashMap<>();
        byIds("select volunteer_id, label from volunteer_view where volunteer_id = any(?)", volunteerIds, rs -> {
            out.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return out;
    }

    // ---- offers and organization capacity

    public record OfferRow(OfferSpec spec, String title, int revision, boolean active) {}

    /** Inserts or replaces an offer unless a later revision is known; true if written. */
    public boolean putOffer(OfferSpec o, String title, int revision, Instant at) {
        return jdbc.sql("""
                insert into offer_view (offer_id, kind, title, revision, spec, active, updated_at)
                values (:offer_id, :kind, :title, :revision, CAST(:spec AS jsonb), true, :updated_at)
                on conflict (offer_id) do update set title = excluded.title, revision = excluded.revision, spec = excluded.spec,
                    active = true, updated_at = excluded.updated_at
                where offer_view.revision <= excluded.revision
                """)
                        .param("offer_id", o.offerId())
                        .param("kind", o.kind().name())
                        .param("title", title)
                        .param("revision", revision)
                        .param("spec", write(o))
                        .param("updated_at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** An offer (or capacity) to write with {@link #putOffers}: what {@link #putOffer} takes. */
    public record OfferPut(OfferSpec spec, String title, int revision, Instant at) {}

    /**
     * Writes many offers in one statement, each unless a later revision is known (as {@link #putOffer}); of two
     * rows for one offer, the later of the highest revision wins, as it would one by one. Returns what was
     * written, by offer id.
     */
    public Map<UUID, OfferSpec> putOffers(List<OfferPut> offers) {
        Map<UUID, OfferPut> newest = new LinkedHashMap<>();
        for (OfferPut o : offers) {
            newest.merge(o.spec().offerId(), o, (known, later) -> later.revision() >= known.revision() ? later : known);
        }
        if (newest.isEmpty()) {
            return Map.of();
        }
        List<OfferDoc> rows = new ArrayList<>(newest.size());
        for (OfferPut o : newest.values()) {
            rows.add(new OfferDoc(
                    o.spec().offerId(), o.spec().kind().name(), o.title(), o.revision(), o.spec(), o.at().toString()));
        }
        Map<UUID, OfferSpec> written = new HashMap<>();
        template.query(
                """
                insert into offer_view (offer_id, kind, title, revision, spec, active, updated_at)
                select CAST(r->>'id' AS uuid), r->>'kind', r->>'title', CAST(r->>'revision' AS int), r->'spec', true,
                    CAST(r->>'at' AS timestamptz)
                from jsonb_array_elements(CAST(? AS jsonb)) r
                on conflict (offer_id) do update set title = excluded.title, revision = excluded.revision,
                    spec = excluded.spec, active = true, updated_at = excluded.updated_at
                where offer_view.revision <= excluded.revision
                returning offer_id
                """,
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    written.put(id, newest.get(id).spec());
                },
                write(rows));
        return written;
    }

    public Optional<OfferRow> offer(UUID offerId) {
        return jdbc.sql("select spec, title, revision, active from offer_view where offer_id = :offer_id")
                .param("offer_id", offerId)
                .query((rs, i) -> new OfferRow(
                        read(rs.getString(1), OfferSpec.class), rs.getString(2), rs.getInt(3), rs.getBoolean(4)))
                .optional(); // the primary key: one row at most
    }

    /** The offers (and capacities) of these ids that the read model holds, active or not, in one query. */
    public Map<UUID, OfferRow> offers(Collection<UUID> offerIds) {
        if (offerIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, OfferRow> out = new HashMap<>();
        byIds(
                "select offer_id, spec, title, revision, active from offer_view where offer_id = any(?)",
                offerIds,
                rs -> {
                    out.put(
                            rs.getObject(1, UUID.class),
                            new OfferRow(
                                    read(rs.getString(2), OfferSpec.class),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getBoolean(5)));
                });
        return out;
    }

    public void setRemaining(UUID offerId, long remaining, Instant now) {
        jdbc.sql("update offer_view set spec = jsonb_set(spec, '{remaining}', to_jsonb(CAST(:remaining AS bigint))), "
                        + "updated_at = :updated_at where offer_id = :offer_id")
                .param("remaining", remaining)
                .param("updated_at", Timestamp.from(now))
                .param("offer_id", offerId)
                .update();
    }

    /** Withdraws an offer unless a later revision is known; true if it was active. */
    public boolean deactivateOffer(UUID offerId, int revision, Instant now) {
        return jdbc.sql(
                                "update offer_view set active = false, revision = greatest(revision, :revision), "
                                        + "updated_at = :updated_at where offer_id = :offer_id and active and revision <= :revision")
                        .param("revision", revision)
                        .param("updated_at", Timestamp.from(now))
                        .param("offer_id", offerId)
                        .update()
                == 1;
    }

    // ---- start-up

    /** Rows per fetch of {@link #loadInto}'s cursor. */
    private static final int LOAD_FETCH = 5_000;

    /** Specs parsed per task of {@link #loadInto}'s parser. */
    private static final int LOAD_CHUNK = 1_000;

    /** Chunks parsed ahead of the engine's puts in {@link #loadInto}: enough to keep the parser busy. */
    private static final int LOAD_AHEAD = 4;

    /**
     * Loads every volunteer and active offer into the engine, logging progress; returns the counts. The specs'
     * JSON is parsed on a second thread, a chunk at a time, while this one reads the next rows and puts the
     * parsed specs into the engine in the rows' order: the two halves of the work run on two cores (after a
     * replay of a million events, 400,000 volunteers and 260,000 offers).
     */
    public long[] loadInto(MatchEngine engine) {
        long started = System.nanoTime();
        ExecutorService parser = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "read-model-load");
            t.setDaemon(true);
            return t;
        });
        try {
            long volunteers = load(
                    "select spec from volunteer_view", VolunteerSpec.class, engine::putVolunteer, parser, "volunteers");
            long offers = load(
                    "select spec from offer_view where active", OfferSpec.class, engine::putOffer, parser, "offers");
            log.info(
                    "Read model loaded into the engine: {} volunteers, {} offers and capacities in {} ms",
                    volunteers,
                    offers,
                    (System.nanoTime() - started) / 1_000_000);
            return new long[] {volunteers, offers};
        } finally {
            parser.shutdownNow();
        }
    }

    /**
     * Puts the specs {@code sql} selects into the engine with {@code put}, in order, parsed on {@code parser}. The
     * rows come in fetches of a cursor, so that PostgreSQL sends the next ones while the last are parsed: outside a
     * transaction, its driver would read every row into memory before handing over the first.
     */
    private <T> long load(String sql, Class<T> type, Consumer<T> put, ExecutorService parser, String what) {
        Long loaded = template.execute((ConnectionCallback<Long>) con -> {
            boolean autoCommit = con.getAutoCommit();
            if (autoCommit) {
                con.setAutoCommit(false); // a cursor lives in a transaction; this one only reads
            }
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setFetchSize(LOAD_FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    return load(rs, type, put, parser, what);
                }
            } finally {
                if (autoCommit) {
                    endReadOnly(con);
                }
            }
        });
        return loaded == null ? 0 : loaded;
    }

    /**
     * Ends {@link #load}'s reading transaction and puts auto-commit back. A failure here is logged, not thrown, so
     * that it never hides the load's own; the pool resets auto-commit on a connection it gets back anyway.
     */
    private static void endReadOnly(Connection con) {
        try {
            con.rollback();
            con.setAutoCommit(true);
        } catch (SQLException e) {
            log.warn("Read model: ending the load's reading transaction failed: {}", e.toString());
        }
    }

    private <T> long load(ResultSet rs, Class<T> type, Consumer<T> put, ExecutorService parser, String what)
            throws SQLException {
        Deque<Future<List<T>>> ahead = new ArrayDeque<>();
        List<String> texts = new ArrayList<>(LOAD_CHUNK);
        long count = 0;
        while (rs.next()) {
            texts.add(rs.getString(1));
            if (texts.size() == LOAD_CHUNK) {
                List<String> full = texts;
                ahead.add(parser.submit(() -> parse(full, type)));
                texts = new ArrayList<>(LOAD_CHUNK);
                while (ahead.size() > LOAD_AHEAD) {
                    count += putParsed(ahead.poll(), put, what, count);
                }
            }
        }
        List<String> rest = texts;
        if (!rest.isEmpty()) {
            ahead.add(parser.submit(() -> parse(rest, type)));
        }
        while (!ahead.isEmpty()) {
            count += putParsed(ahead.poll(), put, what, count);
        }
        return count;
    }

    private <T> List<T> parse(List<String> texts, Class<T> type) {
        List<T> specs = new ArrayList<>(texts.size());
        for (String text : texts) {
            specs.add(read(text, type));
        }
        return specs;
    }

    /** Waits for a chunk parsed ahead and puts it; returns how many. */
    private static <T> int putParsed(Future<List<T>> parsed, Consumer<T> put, String what, long before) {
        List<T> specs;
        try {
            specs = parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        specs.forEach(put);
        if ((before + specs.size()) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
            log.info("Read model: {} {} loaded…", (before + specs.size()) / PROGRESS_EVERY * PROGRESS_EVERY, what);
        }
        return specs.size();
    }

    /** Runs {@code sql}, whose one parameter is an array of ids ({@code = any(?)}), with these ids, once each. */
    private void byIds(String sql, Collection<UUID> ids, RowCallbackHandler row) {
        UUID[] array = new HashSet<>(ids).toArray(UUID[]::new);
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(sql);
                    ps.setArray(1, con.createArrayOf("uuid", array));
                    return ps;
                },
                row);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    private <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }
}
