package org.wushe.hub.community.wish;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Category;

/** Wishes, ratings and follow-ups (V9: {@code resident_wish}, {@code service_rating}, {@code service_follow_up}). */
@Repository
public class WishRepository {

    private static final String WISH =
            "id, resident_id, community_id, station_id, category, title, description, consent_to_share, status, need_id, "
                    + "decided_by, decided_at, decline_reason, submitted_at";
    private static final String RATING = "need_id, resident_id, community_id, station_id, stars, comment, rated_at";
    private static final String FOLLOW_UP =
            "f.id, f.need_id, f.community_id, f.station_id, f.status, f.opened_at, r.stars, r.comment, f.outcome, "
                    + "f.recorded_by, f.recorded_role, f.recorded_at FROM service_follow_up f JOIN service_rating r ON r.need_id = f.need_id";

    private final JdbcClient jdbc;

    public WishRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Wish w) {
        jdbc.sql("INSERT INTO resident_wish (" + WISH + ") VALUES (:id, :residentId, :communityId, :stationId, "
                        + ":category, :title, :description, :consentToShare, :status, :needId, :decidedBy, :decidedAt, "
                        + ":declineReason, :submittedAt)")
                .param("id", w.id())
                .param("residentId", w.residentId())
                .param("communityId", w.communityId())
                .param("stationId", w.stationId())
                .param("category", w.category().name())
                .param("title", w.title())
                .param("description", w.description())
                .param("consentToShare", w.consentToShare())
                .param("status", w.status().name())
                .param("needId", w.needId())
                .param("decidedBy", w.decidedBy())
                .param("decidedAt", ts(w.decidedAt()))
                .param("declineReason", w.declineReason())
                .param("submittedAt", ts(w.submittedAt()))
                .update();
    }

    void decide(Wish w) {
        jdbc.sql("UPDATE resident_wish SET status = :status, need_id = :needId, decided_by = :decidedBy, "
                        + "decided_at = :decidedAt, decline_reason = :declineReason WHERE id = :id")
                .param("status", w.status().name())
                .param("needId", w.needId())
                .param("decidedBy", w.decidedBy())
                .param("decidedAt", ts(w.decidedAt()))
                .param("declineReason", w.declineReason())
                .param("id", w.id())
                .update();
    }

    Optional<Wish> find(UUID id) {
        return jdbc.sql("SELECT " + WISH + " FROM resident_wish WHERE id = :id")
                .param("id", id)
                .query(WishRepository::wish)
                .optional();
    }

    Optional<Wish> lock(UUID id) {
        return jdbc.sql("SELECT " + WISH + " FROM resident_wish WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(WishRepository::wish)
                .optional();
    }

    List<Wish> ofResident(UUID residentId) {
        return jdbc.sql("SELECT " + WISH
                        + " FROM resident_wish WHERE resident_id = :residentId ORDER BY submitted_at DESC, id")
                .param("residentId", residentId)
                .query(WishRepository::wish)
                .list();
    }

    List<Wish> ofCommunity(UUID communityId, Wish.Status status) {
        return jdbc.sql("SELECT " + WISH
                        + " FROM resident_wish WHERE community_id = :communityId AND (:status::text IS NULL OR status = :status) "
                        + "ORDER BY submitted_at, id LIMIT 500")
                .param("communityId", communityId)
                .param("status", status == null ? null : status.name())
                .query(WishRepository::wish)
                .list();
    }

    /** The resident's own words: their wishes' title and description, their ratings' comments (erasure). */
    void eraseWordsOf(UUID residentId) {
        jdbc.sql("UPDATE resident_wish SET title = :erased, description = NULL WHERE resident_id = :residentId")
                .param("erased", ERASED)
                .param("residentId", residentId)
                .update();
        jdbc.sql("UPDATE service_rating SET comment = NULL WHERE resident_id = :residentId")
                .param("residentId", residentId)
                .update();
    }

    /** What an erased wish's title reads. */
    static final String ERASED = "（已删除 erased）";

    /** False when the need was rated already (the primary key is the need). */
    boolean insert(Rating r) {
        return jdbc.sql("INSERT INTO service_rating (" + RATING
                                + ") VALUES (:needId, :residentId, :communityId, :stationId, :stars, :comment, :ratedAt) "
                                + "ON CONFLICT (need_id) DO NOTHING")
                        .param("needId", r.needId())
                        .param("residentId", r.residentId())
                        .param("communityId", r.communityId())
                        .param("stationId", r.stationId())
                        .param("stars", r.stars())
                        .param("comment", r.comment())
                        .param("ratedAt", ts(r.ratedAt()))
                        .update()
                == 1;
    }

    Optional<Rating> rating(UUID needId) {
        return jdbc.sql("SELECT " + RATING + " FROM service_rating WHERE need_id = :needId")
                .param("needId", needId)
                .query(WishRepository::rating)
                .optional();
    }

    List<Rating.Mine> ratingsOf(UUID residentId) {
        return jdbc.sql(
                        "SELECT r.need_id, r.stars, r.comment, r.rated_at, f.status FROM service_rating r "
                                + "LEFT JOIN service_follow_up f ON f.need_id = r.need_id WHERE r.resident_id = :residentId ORDER BY r.rated_at DESC")
                .param("residentId", residentId)
                .query((rs, n) -> new Rating.Mine(
                        rs.getObject("need_id", UUID.class),
                        rs.getInt("stars"),
                        rs.getString("comment"),
                        rs.getTimestamp("rated_at").toInstant(),
                        rs.getString("status") == null ? null : FollowUp.Status.valueOf(rs.getString("status"))))
                .list();
    }

    void insert(FollowUp f) {
        jdbc.sql("INSERT INTO service_follow_up (id, need_id, community_id, station_id, status, opened_at) "
                        + "VALUES (:id, :needId, :communityId, :stationId, :status, :openedAt)")
                .param("id", f.id())
                .param("needId", f.needId())
                .param("communityId", f.communityId())
                .param("stationId", f.stationId())
                .param("status", f.status().name())
                .param("openedAt", ts(f.openedAt()))
                .update();
    }

    void record(FollowUp f) {
        jdbc.sql("UPDATE service_follow_up SET status = :status, outcome = :outcome, recorded_by = :recordedBy, "
                        + "recorded_role = :recordedRole, recorded_at = :recordedAt WHERE id = :id")
                .param("status", f.status().name())
                .param("outcome", f.outcome())
                .param("recordedBy", f.recordedBy())
                .param("recordedRole", f.recordedRole())
                .param("recordedAt", ts(f.recordedAt()))
                .param("id", f.id())
                .update();
    }

    Optional<FollowUp> followUp(UUID id) {
        return jdbc.sql("SELECT " + FOLLOW_UP + " WHERE f.id = :id")
                .param("id", id)
                .query(WishRepository::followUp)
                .optional();
    }

    Optional<FollowUp> lockFollowUp(UUID id) {
        return jdbc.sql("SELECT " + FOLLOW_UP + " WHERE f.id = :id FOR UPDATE OF f")
                .param("id", id)
                .query(WishRepository::followUp)
                .optional();
    }

    List<FollowUp> followUpsOf(UUID stationId, FollowUp.Status status) {
        return followUps(stationId, status, "f.opened_at, f.id");
    }

    /** The same, the open ones first (the longest waiting first), then the recorded ones (the latest first): a social worker's page. */
    List<FollowUp> openFirstOf(UUID stationId, FollowUp.Status status) {
        return followUps(
                stationId,
                status,
                "(f.status = 'OPEN') DESC, CASE WHEN f.status = 'OPEN' THEN f.opened_at END, f.recorded_at DESC, f.id");
    }

    private List<FollowUp> followUps(UUID stationId, FollowUp.Status status, String orderBy) {
        return jdbc.sql("SELECT " + FOLLOW_UP
                        + " WHERE f.station_id = :stationId AND (:status::text IS NULL OR f.status = :status) ORDER BY "
                        + orderBy + " LIMIT 500")
                .param("stationId", stationId)
                .param("status", status == null ? null : status.name())
                .query(WishRepository::followUp)
                .list();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Wish wish(ResultSet rs, int n) throws SQLException {
        return new Wish(
                rs.getObject("id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                Category.valueOf(rs.getString("category")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getBoolean("consent_to_share"),
                Wish.Status.valueOf(rs.getString("status")),
                rs.getObject("need_id", UUID.class),
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("decline_reason"),
                instant(rs, "submitted_at"));
    }

    private static Rating rating(ResultSet rs, int n) throws SQLException {
        return new Rating(
                rs.getObject("need_id", UUID.class),
                rs.getObject("resident_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                rs.getInt("stars"),
                rs.getString("comment"),
                instant(rs, "rated_at"));
    }

    private static FollowUp followUp(ResultSet rs, int n) throws SQLException {
        return new FollowUp(
                rs.getObject("id", UUID.class),
                rs.getObject("need_id", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("station_id", UUID.class),
                FollowUp.Status.valueOf(rs.getString("status")),
                instant(rs, "opened_at"),
                rs.getInt("stars"),
                rs.getString("comment"),
                rs.getString("outcome"),
                rs.getString("recorded_by"),
                rs.getString("recorded_role"),
                instant(rs, "recorded_at"));
    }
}
