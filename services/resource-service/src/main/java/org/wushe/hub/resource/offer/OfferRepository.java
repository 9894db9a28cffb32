package org.wushe.hub.resource.offer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.resource.common.PgArrays;
import org.wushe.hub.resource.common.PlaceColumns;
import org.wushe.hub.resource.common.WeeklySlot;
import org.wushe.hub.resource.common.Window;

@Repository
public class OfferRepository {

    private final JdbcClient jdbc;

    public OfferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Offer o) {
        List<WeeklySlot> slots = o.slots();
        jdbc.sql(
                        "INSERT INTO offer (id, donor_id, kind, category, title, description, beneficiary_groups, community_ids, "
                                + PlaceColumns.COLUMNS
                                + ", available_from, available_until, status, quantity, unit, expiry_date, capacity, skills, "
                                + "languages, session_minutes, schedule, amount_fen, max_per_need_fen, purpose, created_at) VALUES (:id, :donor_id, "
                                + ":kind, :category, :title, :description, CAST(:beneficiary_groups AS text[]), CAST(:community_ids AS uuid[]), "
                                + PlaceColumns.PARAMS
                                + ", :available_from, :available_until, :status, :quantity, :unit, :expiry_date, :capacity, "
                                + "CAST(:skills AS text[]), CAST(:languages AS text[]), :session_minutes, CAST(:schedule AS text[]), :amount_fen, "
                                + ":max_per_need_fen, :purpose, :created_at)")
                .param("id", o.id())
                .param("donor_id", o.donorId())
                .param("kind", o.kind().name())
                .param("category", o.category().name())
                .param("title", o.title())
                .param("description", o.description())
                .param("beneficiary_groups", PgArrays.literal(o.beneficiaryGroups()))
                .param("community_ids", PgArrays.literal(o.communityIds()))
                .params(PlaceColumns.params(o.place()))
                .param("available_from", Timestamp.from(o.availableWindow().start()))
                .param("available_until", Timestamp.from(o.availableWindow().end()))
                .param("status", o.status().name())
                .param("quantity", o.goods() == null ? null : o.goods().quantity())
                .param("unit", o.goods() == null ? null : o.goods().unit().name())
                .param(
                        "expiry_date",
                        o.goods() == null || o.goods().expiryDate() == null
                                ? null
                                : Date.valueOf(o.goods().expiryDate()))
                .param(
                        "capacity",
                        o.service() != null
                                ? Integer.valueOf(o.service().capacity())
                                : o.venue() != null ? Integer.valueOf(o.venue().capacity()) : null)
                .param(
                        "skills",
                        PgArrays.literal(
                                o.service() == null ? List.of() : o.service().skills()))
                .param(
                        "languages",
                        PgArrays.literal(
                                o.service() == null ? List.of() : o.service().languages()))
                .param(
                        "session_minutes",
                        o.service() == null ? null : o.service().sessionMinutes())
                .param(
                        "schedule",
                        PgArrays.literal(slots.stream().map(WeeklySlot::text).toList()))
                .param("amount_fen", o.fund() == null ? null : o.fund().amountFen())
                .param("max_per_need_fen", o.fund() == null ? null : o.fund().maxPerNeedFen())
                .param("purpose", o.fund() == null ? null : o.fund().purpose())
                .param("created_at", Timestamp.from(o.createdAt()))
                .update();
    }

    public Optional<Offer> find(UUID id) {
        return jdbc.sql("SELECT * FROM offer WHERE id = :id")
                .param("id", id)
                .query(OfferRepository::map)
                .optional();
    }

    /**
     * The offer, share-locked until the transaction ends: reservations, releases and consumptions of one
     * offer run side by side, while expiry (which updates the row) waits for them and they wait for it.
     * Every change of stock locks offer, then reservation, then stock, in that order, so they cannot deadlock.
     */
    public Optional<Offer> findForShare(UUID id) {
        return jdbc.sql("SELECT * FROM offer WHERE id = :id FOR SHARE")
                .param("id", id)
                .query(OfferRepository::map)
                .optional();
    }

    /**
     * The offer, locked for update until the transaction ends: a change or withdrawal waits for the
     * reservations in flight on it (they share-lock it) and holds off new ones, as expiry does.
     */
    public Optional<Offer> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM offer WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(OfferRepository::map)
                .optional();
    }

    /** Writes what a provider may change of an active offer, with its new revision. */
    public void update(Offer o) {
        jdbc.sql("UPDATE offer SET title = :title, description = :description, available_until = :available_until, "
                        + "quantity = :quantity, expiry_date = :expiry_date, capacity = :capacity, schedule = CAST(:schedule AS text[]), "
                        + "amount_fen = :amount_fen, max_per_need_fen = :max_per_need_fen, revision = :revision "
                        + "WHERE id = :id AND status = 'ACTIVE'")
                .param("id", o.id())
                .param("title", o.title())
                .param("description", o.description())
                .param("available_until", Timestamp.from(o.availableWindow().end()))
                .param("quantity", o.goods() == null ? null : o.goods().quantity())
                .param(
                        "expiry_date",
                        o.goods() == null || o.goods().expiryDate() == null
                                ? null
                                : Date.valueOf(o.goods().expiryDate()))
                .param(
                        "capacity",
                        o.service() != null
                                ? Integer.valueOf(o.service().capacity())
                                : o.venue() != null ? Integer.valueOf(o.venue().capacity()) : null)
                .param(
                        "schedule",
                        PgArrays.literal(
                                o.slots().stream().map(WeeklySlot::text).toList()))
                .param("amount_fen", o.fund() == null ? null : o.fund().amountFen())
                .param("max_per_need_fen", o.fund() == null ? null : o.fund().maxPerNeedFen())
                .param("revision", o.revision())
                .update();
    }

    /** Marks an active offer withdrawn by its provider, with the next revision; false if it was no longer active. */
    public boolean markWithdrawn(UUID id, Instant at, String reason) {
        return jdbc.sql("UPDATE offer SET status = 'WITHDRAWN', withdrawn_at = :at, withdrawal_reason = :reason, "
                                + "revision = revision + 1 WHERE id = :id AND status = 'ACTIVE'")
                        .param("at", Timestamp.from(at))
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Marks an active offer expired; false if it no longer was active (expired meanwhile, or withdrawn). */
    public boolean markExpired(UUID id, Instant at) {
        return jdbc.sql("UPDATE offer SET status = 'EXPIRED', expired_at = :at WHERE id = :id AND status = 'ACTIVE'")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Active goods whose expiry date is before {@code today}, and active offers whose window is over. */
    public List<UUID> dueForExpiry(LocalDate today, Instant now, int limit) {
        return jdbc.sql(
                        "SELECT id FROM offer WHERE status = 'ACTIVE' AND (expiry_date < :today OR available_until <= :now) "
                                + "ORDER BY available_until LIMIT :limit")
                .param("today", Date.valueOf(today))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    public List<Offer> list(UUID donorId, OfferKind kind, OfferStatus status, int limit, int offset) {
        return jdbc.sql("SELECT * FROM offer WHERE (CAST(:donor AS uuid) IS NULL OR donor_id = :donor) "
                        + "AND (CAST(:kind AS text) IS NULL OR kind = :kind) AND (CAST(:status AS text) IS NULL OR status = :status) "
                        + "ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("donor", donorId)
                .param("kind", kind == null ? null : kind.name())
                .param("status", status == null ? null : status.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(OfferRepository::map)
                .list();
    }

    public long count(OfferStatus status) {
        return jdbc.sql("SELECT count(*) FROM offer WHERE (CAST(:status AS text) IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name())
                .query(Long.class)
                .single();
    }

    static Offer map(ResultSet rs, int row) throws SQLException {
        OfferKind kind = OfferKind.valueOf(rs.getString("kind"));
        List<WeeklySlot> slots =
                PgArrays.strings(rs, "schedule").stream().map(WeeklySlot::parse).toList();
        Offer.Goods goods = null;
        Offer.ServiceDetails service = null;
        Offer.Fund fund = null;
        Offer.Venue venue = null;
        switch (kind) {
            case GOODS -> {
                Date expiry = rs.getDate("expiry_date");
                goods = new Offer.Goods(
                        rs.getInt("quantity"),
                        QuantityUnit.valueOf(rs.getString("unit")),
                        expiry == null ? null : expiry.toLocalDate());
            }
            case SERVICE ->
                service = new Offer.ServiceDetails(
                        PgArrays.strings(rs, "skills").stream()
                                .map(Skill::valueOf)
                                .toList(),
                        PgArrays.strings(rs, "languages"),
                        rs.getInt("capacity"),
                        (Integer) rs.getObject("session_minutes"),
                        slots);
            case FUND ->
                fund = new Offer.Fund(
                        rs.getLong("amount_fen"), (Long) rs.getObject("max_per_need_fen"), rs.getString("purpose"));
            case VENUE -> venue = new Offer.Venue(rs.getInt("capacity"), slots);
            default -> throw new IllegalStateException("offer kind " + kind);
        }
        Timestamp expiredAt = rs.getTimestamp("expired_at");
        Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
        return new Offer(
                rs.getObject("id", UUID.class),
                rs.getObject("donor_id", UUID.class),
                kind,
                Category.valueOf(rs.getString("category")),
                rs.getString("title"),
                rs.getString("description"),
                PgArrays.strings(rs, "beneficiary_groups").stream()
                        .map(BeneficiaryGroup::valueOf)
                        .toList(),
                PgArrays.uuids(rs, "community_ids"),
                PlaceColumns.read(rs),
                new Window(
                        rs.getTimestamp("available_from").toInstant(),
                        rs.getTimestamp("available_until").toInstant()),
                OfferStatus.valueOf(rs.getString("status")),
                goods,
                service,
                fund,
                venue,
                rs.getTimestamp("created_at").toInstant(),
                expiredAt == null ? null : expiredAt.toInstant(),
                rs.getInt("revision"),
                withdrawnAt == null ? null : withdrawnAt.toInstant(),
                rs.getString("withdrawal_reason"));
    }
}
