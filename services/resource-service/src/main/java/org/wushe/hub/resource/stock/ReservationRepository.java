package org.wushe.hub.resource.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.resource.common.Window;

@Repository
public class ReservationRepository {

    private final JdbcClient jdbc;

    public ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Reservation r) {
        jdbc.sql(
                        "INSERT INTO reservation (id, offer_id, stock_id, match_id, need_id, station_id, amount, window_start, window_end, "
                                + "status, source, reserved_at, expires_at) VALUES (:id, :offer_id, :stock_id, :match_id, :need_id, :station_id, :amount, "
                                + ":window_start, :window_end, :status, :source, :reserved_at, :expires_at)")
                .param("id", r.id())
                .param("offer_id", r.offerId())
                .param("stock_id", r.stockId())
                .param("match_id", r.matchId())
                .param("need_id", r.needId())
                .param("station_id", r.stationId())
                .param("amount", r.amount())
                .param(
                        "window_start",
                        r.window() == null ? null : Timestamp.from(r.window().start()))
                .param(
                        "window_end",
                        r.window() == null ? null : Timestamp.from(r.window().end()))
                .param("status", r.status().name())
                .param("source", r.source().name())
                .param("reserved_at", Timestamp.from(r.reservedAt()))
                .param("expires_at", Timestamp.from(r.expiresAt()))
                .update();
    }

    public Optional<Reservation> find(UUID id) {
        return jdbc.sql("SELECT * FROM reservation WHERE id = :id")
                .param("id", id)
                .query(ReservationRepository::map)
                .optional();
    }

    public Optional<Reservation> findByMatch(UUID matchId) {
        return jdbc.sql("SELECT * FROM reservation WHERE match_id = :match_id")
                .param("match_id", matchId)
                .query(ReservationRepository::map)
                .optional();
    }

    /** RESERVED → RELEASED; false if it was no longer RESERVED (settled meanwhile, or a redelivery). */
    /** The reservation an activity holds on its venue now, if any. */
    public Optional<Reservation> heldForActivity(UUID activityId) {
        return jdbc.sql(
                        "SELECT * FROM reservation WHERE need_id = :activity AND source = 'ACTIVITY' AND status = 'RESERVED'")
                .param("activity", activityId)
                .query(ReservationRepository::map)
                .optional();
    }

    public boolean markReleased(UUID id, String reason, Instant at) {
        return jdbc.sql(
                                "UPDATE reservation SET status = 'RELEASED', release_reason = :reason, settled_at = :at WHERE id = :id AND status = 'RESERVED'")
                        .param("reason", reason)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** RESERVED → CONSUMED; false if it was no longer RESERVED. */
    public boolean markConsumed(UUID id, long consumed, Instant at) {
        return jdbc.sql(
                                "UPDATE reservation SET status = 'CONSUMED', consumed_amount = :consumed, settled_at = :at WHERE id = :id AND status = 'RESERVED'")
                        .param("consumed", consumed)
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    public List<Reservation> held(UUID offerId) {
        return jdbc.sql(
                        "SELECT * FROM reservation WHERE offer_id = :offer_id AND status = 'RESERVED' ORDER BY reserved_at, id")
                .param("offer_id", offerId)
                .query(ReservationRepository::map)
                .list();
    }

    public List<Reservation> ofOffer(UUID offerId, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM reservation WHERE offer_id = :offer_id ORDER BY reserved_at, id LIMIT :limit OFFSET :offset")
                .param("offer_id", offerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(ReservationRepository::map)
                .list();
    }

    /** Reservations still held past their expiresAt. */
    public List<UUID> lapsed(Instant now, int limit) {
        return jdbc.sql(
                        "SELECT id FROM reservation WHERE status = 'RESERVED' AND expires_at <= :now ORDER BY expires_at LIMIT :limit")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Sums per status of an offer's reservations: amount held and amount consumed. */
    public long[] heldAndConsumed(UUID offerId) {
        return jdbc.sql(
                        "SELECT coalesce(sum(amount) FILTER (WHERE status = 'RESERVED'), 0), "
                                + "coalesce(sum(consumed_amount) FILTER (WHERE status = 'CONSUMED'), 0) FROM reservation WHERE offer_id = :offer_id")
                .param("offer_id", offerId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    static Reservation map(ResultSet rs, int row) throws SQLException {
        Timestamp ws = rs.getTimestamp("window_start");
        Timestamp we = rs.getTimestamp("window_end");
        Timestamp settled = rs.getTimestamp("settled_at");
        return new Reservation(
                rs.getObject("id", UUID.class),
                rs.getObject("offer_id", UUID.class),
                rs.getObject("stock_id", UUID.class),
                rs.getObject("match_id", UUID.class),
                rs.getObject("need_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getLong("amount"),
                ws == null ? null : new Window(ws.toInstant(), we.toInstant()),
                Reservation.Status.valueOf(rs.getString("status")),
                Reservation.Source.valueOf(rs.getString("source")),
                rs.getTimestamp("reserved_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                settled == null ? null : settled.toInstant(),
                rs.getString("release_reason"),
                (Long) rs.getObject("consumed_amount"));
    }
}
