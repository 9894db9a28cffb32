package org.wushe.hub.volunteer.activity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.SignUpRejectReason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Activities, positions and sign-ups. Everything that changes who holds a place locks in one order: the
 * volunteer's row (a sign-up: their other sign-ups), the activity's row (shared; a change or cancellation takes it
 * exclusively), then the position's row; the counts are taken under the position's lock, so concurrent sign-ups for
 * its last place queue there and the second sees the first's place taken.
 */
@Repository
public class ActivityRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIVE = "('PENDING', 'CONFIRMED', 'WAITLISTED')";
    private static final String HELD = "('PENDING', 'CONFIRMED')";

    private final JdbcClient jdbc;

    public ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- activities

    public void insert(Activity a) {
        jdbc.sql(
                        "INSERT INTO activity (id, publisher_kind, publisher_id, kind, title, description, community_id, starts_at, ends_at, "
                                + "venue_offer_id, co_host_organization_ids, co_host_donor_ids, approval_required, residents_served, status, "
                                + "revision, published_by, published_at, updated_at, grants_qualification) "
                                + "VALUES (:id, :publisherKind, :publisherId, :kind, :title, :description, :communityId, :startsAt, :endsAt, "
                                + ":venueOfferId, :coHostOrganizationIds::uuid[], :coHostDonorIds::uuid[], :approvalRequired, "
                                + ":residentsServed::jsonb, :status, :revision, :publishedBy, :publishedAt, :updatedAt, :grantsQualification)")
                .params(values(a))
                .update();
    }

    public void update(Activity a) {
        jdbc.sql(
                        "UPDATE activity SET kind = :kind, title = :title, description = :description, community_id = :communityId, "
                                + "starts_at = :startsAt, ends_at = :endsAt, venue_offer_id = :venueOfferId, "
                                + "co_host_organization_ids = :coHostOrganizationIds::uuid[], co_host_donor_ids = :coHostDonorIds::uuid[], "
                                + "approval_required = :approvalRequired, residents_served = :residentsServed::jsonb, status = :status, "
                                + "revision = :revision, cancel_reason = :cancelReason, cancel_note = :cancelNote, updated_at = :updatedAt, "
                                + "grants_qualification = :grantsQualification WHERE id = :id")
                .params(values(a))
                .update();
    }

    /** The columns the insert and the update both bind, by name (each statement takes those it names). */
    private Map<String, Object> values(Activity a) {
        Map<String, Object> v = new HashMap<>();
        v.put("id", a.id());
        v.put("publisherKind", a.publisherKind().name());
        v.put("publisherId", a.publisherId());
        v.put("kind", a.kind().name());
        v.put("title", a.title());
        v.put("description", a.description());
        v.put("communityId", a.communityId());
        v.put("startsAt", ts(a.startsAt()));
        v.put("endsAt", ts(a.endsAt()));
        v.put("venueOfferId", a.venueOfferId());
        v.put("coHostOrganizationIds", uuidArray(a.coHostOrganizationIds()));
        v.put("coHostDonorIds", uuidArray(a.coHostDonorIds()));
        v.put("approvalRequired", a.approvalRequired());
        v.put("residentsServed", json(a.residentsServed()));
        v.put("status", a.status().name());
        v.put("revision", a.revision());
        v.put("publishedBy", a.publishedBy());
        v.put("publishedAt", ts(a.publishedAt()));
        v.put("updatedAt", ts(a.updatedAt()));
        v.put("cancelReason", a.cancelReason() == null ? null : a.cancelReason().name());
        v.put("cancelNote", a.cancelNote());
        v.put("grantsQualification", a.grantsQualification());
        return v;
    }

    public Optional<Activity> find(UUID id) {
        return jdbc.sql("SELECT * FROM activity WHERE id = :id")
                .param("id", id)
                .query(ActivityRepository::activity)
                .optional();
    }

    /** The activity, its row locked against changes and cancellation (others may share it) until the transaction ends. */
    public Optional<Activity> findForShare(UUID id) {
        return jdbc.sql("SELECT * FROM activity WHERE id = :id FOR SHARE")
                .param("id", id)
                .query(ActivityRepository::activity)
                .optional();
    }

    /** The activity, its row locked until the transaction ends: a change or cancellation waits for sign-ups in flight. */
    public Optional<Activity> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM activity WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(ActivityRepository::activity)
                .optional();
    }

    public List<Activity> list(
            UUID communityId, ActivityKind kind, Instant from, boolean includeCancelled, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM activity WHERE ends_at > :from AND (CAST(:community AS uuid) IS NULL OR community_id = :community)"
                                + " AND (CAST(:kind AS text) IS NULL OR kind = :kind) AND (:cancelled OR status = 'PUBLISHED')"
                                + " ORDER BY starts_at, id LIMIT :limit OFFSET :offset")
                .param("from", ts(from))
                .param("community", communityId)
                .param("kind", kind == null ? null : kind.name())
                .param("cancelled", includeCancelled)
                .param("limit", limit)
                .param("offset", offset)
                .query(ActivityRepository::activity)
                .list();
    }

    // ---- positions

    public void insert(Position p) {
        jdbc.sql(
                        "INSERT INTO activity_position (id, activity_id, ordinal, duty, places, waiting_list_limit, skills, qualification, starts_at, ends_at) "
                                + "VALUES (:id, :activityId, :ordinal, :duty, :places, :waitingListLimit, :skills::text[], :qualification, "
                                + ":startsAt, :endsAt)")
                .param("id", p.id())
                .param("activityId", p.activityId())
                .param("ordinal", p.ordinal())
                .param("duty", p.duty())
                .param("places", p.places())
                .param("waitingListLimit", p.waitingListLimit())
                .param("skills", skillArray(p.skills()))
                .param("qualification", p.qualification())
                .param("startsAt", ts(p.startsAt()))
                .param("endsAt", ts(p.endsAt()))
                .update();
    }

    public void update(Position p) {
        jdbc.sql(
                        "UPDATE activity_position SET ordinal = :ordinal, duty = :duty, places = :places, waiting_list_limit = :waitingListLimit, "
                                + "skills = :skills::text[], qualification = :qualification, starts_at = :startsAt, ends_at = :endsAt WHERE id = :id")
                .param("ordinal", p.ordinal())
                .param("duty", p.duty())
                .param("places", p.places())
                .param("waitingListLimit", p.waitingListLimit())
                .param("skills", skillArray(p.skills()))
                .param("qualification", p.qualification())
                .param("startsAt", ts(p.startsAt()))
                .param("endsAt", ts(p.endsAt()))
                .param("id", p.id())
                .update();
    }

    public void remove(UUID positionId, Instant at) {
        jdbc.sql("UPDATE activity_position SET removed_at = :removedAt WHERE id = :positionId")
                .param("removedAt", ts(at))
                .param("positionId", positionId)
                .update();
    }

    /** The activity's positions in their order, those a change removed left out. */
    public List<Position> positions(UUID activityId) {
        return jdbc.sql(
                        "SELECT * FROM activity_position WHERE activity_id = :activityId AND removed_at IS NULL ORDER BY ordinal")
                .param("activityId", activityId)
                .query(ActivityRepository::position)
                .list();
    }

    /** A position of the activity (not removed), its row locked until the transaction ends. */
    public Optional<Position> positionForUpdate(UUID activityId, UUID positionId) {
        return jdbc.sql(
                        "SELECT * FROM activity_position WHERE id = :positionId AND activity_id = :activityId AND removed_at IS NULL FOR UPDATE")
                .param("positionId", positionId)
                .param("activityId", activityId)
                .query(ActivityRepository::position)
                .optional();
    }

    public Optional<Position> position(UUID positionId) {
        return jdbc.sql("SELECT * FROM activity_position WHERE id = :positionId")
                .param("positionId", positionId)
                .query(ActivityRepository::position)
                .optional();
    }

    /** Places held (pending and confirmed) and sign-ups waiting, of one position. */
    public record Counts(int held, int waiting) {}

    public Counts counts(UUID positionId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE status IN " + HELD
                        + ") AS held, count(*) FILTER (WHERE status = 'WAITLISTED') AS waiting "
                        + "FROM sign_up WHERE position_id = :positionId")
                .param("positionId", positionId)
                .query((rs, n) -> new Counts(rs.getInt("held"), rs.getInt("waiting")))
                .single();
    }

    public Map<UUID, Counts> countsOf(UUID activityId) {
        return jdbc
                .sql(
                        "SELECT position_id, count(*) FILTER (WHERE status IN " + HELD + ") AS held, "
                                + "count(*) FILTER (WHERE status = 'WAITLISTED') AS waiting FROM sign_up WHERE activity_id = :activityId GROUP BY position_id")
                .param("activityId", activityId)
                .query((rs, n) -> Map.entry(
                        rs.getObject("position_id", UUID.class), new Counts(rs.getInt("held"), rs.getInt("waiting"))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // ---- sign-ups

    public void insert(SignUp s) {
        jdbc.sql("INSERT INTO sign_up (id, activity_id, position_id, volunteer_id, status, signed_up_at, signed_up_by) "
                        + "VALUES (:id, :activityId, :positionId, :volunteerId, :status, :signedUpAt, :signedUpBy)")
                .param("id", s.id())
                .param("activityId", s.activityId())
                .param("positionId", s.positionId())
                .param("volunteerId", s.volunteerId())
                .param("status", s.status().name())
                .param("signedUpAt", ts(s.signedUpAt()))
                .param("signedUpBy", s.signedUpBy())
                .update();
    }

    public Optional<SignUp> signUp(UUID activityId, UUID signUpId) {
        return jdbc.sql("SELECT * FROM sign_up WHERE id = :signUpId AND activity_id = :activityId")
                .param("signUpId", signUpId)
                .param("activityId", activityId)
                .query(ActivityRepository::signUp)
                .optional();
    }

    /** The volunteer's live sign-up for the activity, if any. */
    public Optional<SignUp> liveSignUp(UUID activityId, UUID volunteerId) {
        return jdbc.sql(
                        "SELECT * FROM sign_up WHERE activity_id = :activityId AND volunteer_id = :volunteerId AND status IN "
                                + LIVE)
                .param("activityId", activityId)
                .param("volunteerId", volunteerId)
                .query(ActivityRepository::signUp)
                .optional();
    }

    /** The first sign-up on the position's waiting list (first come first served), if any. */
    public Optional<SignUp> firstWaiting(UUID positionId) {
        return jdbc.sql(
                        "SELECT * FROM sign_up WHERE position_id = :positionId AND status = 'WAITLISTED' ORDER BY seq LIMIT 1")
                .param("positionId", positionId)
                .query(ActivityRepository::signUp)
                .optional();
    }

    /** 1 for the first on the waiting list. */
    public int waitingRank(SignUp s) {
        return jdbc.sql(
                        "SELECT count(*) FROM sign_up WHERE position_id = :positionId AND status = 'WAITLISTED' AND seq <= :seq")
                .param("positionId", s.positionId())
                .param("seq", s.seq())
                .query(Integer.class)
                .single();
    }

    public List<SignUp> signUpsOf(UUID activityId) {
        return jdbc.sql("SELECT * FROM sign_up WHERE activity_id = :activityId ORDER BY seq")
                .param("activityId", activityId)
                .query(ActivityRepository::signUp)
                .list();
    }

    public List<SignUp> signUpsOfVolunteer(UUID volunteerId, int limit) {
        return jdbc.sql("SELECT * FROM sign_up WHERE volunteer_id = :volunteerId ORDER BY seq DESC LIMIT :limit")
                .param("volunteerId", volunteerId)
                .param("limit", limit)
                .query(ActivityRepository::signUp)
                .list();
    }

    public void setStatus(UUID signUpId, SignUp.Status status) {
        jdbc.sql("UPDATE sign_up SET status = :status WHERE id = :signUpId")
                .param("status", status.name())
                .param("signUpId", signUpId)
                .update();
    }

    public void decide(UUID signUpId, SignUp.Status status, SignUpRejectReason reason, String by, Instant at) {
        jdbc.sql("UPDATE sign_up SET status = :status, reject_reason = :rejectReason, decided_by = :decidedBy, "
                        + "decided_at = :decidedAt WHERE id = :signUpId")
                .param("status", status.name())
                .param("rejectReason", reason == null ? null : reason.name())
                .param("decidedBy", by)
                .param("decidedAt", ts(at))
                .param("signUpId", signUpId)
                .update();
    }

    public void end(UUID signUpId, SignUp.Status status, String by, Instant at) {
        jdbc.sql("UPDATE sign_up SET status = :status, ended_by = :endedBy, ended_at = :endedAt WHERE id = :signUpId")
                .param("status", status.name())
                .param("endedBy", by)
                .param("endedAt", ts(at))
                .param("signUpId", signUpId)
                .update();
    }

    public void moveUp(UUID signUpId, SignUp.Status status, Instant at) {
        jdbc.sql(
                        "UPDATE sign_up SET status = :status, moved_up_at = :movedUpAt WHERE id = :signUpId AND status = 'WAITLISTED'")
                .param("status", status.name())
                .param("movedUpAt", ts(at))
                .param("signUpId", signUpId)
                .update();
    }

    /** Ends every live sign-up of the activity with it; how many. */
    public int cancelLive(UUID activityId, String by, Instant at) {
        return jdbc.sql("UPDATE sign_up SET status = 'CANCELLED', ended_by = :endedBy, ended_at = :endedAt "
                        + "WHERE activity_id = :activityId AND status IN " + LIVE)
                .param("endedBy", by)
                .param("endedAt", ts(at))
                .param("activityId", activityId)
                .update();
    }

    public void recordNoShow(UUID signUpId, Instant on, String by) {
        jdbc.sql("UPDATE sign_up SET no_show_on = :noShowOn, no_show_recorded_by = :recordedBy WHERE id = :signUpId")
                .param("noShowOn", ts(on))
                .param("recordedBy", by)
                .param("signUpId", signUpId)
                .update();
    }

    /** When the volunteer did not come, newest first, for positions that ended after {@code since}. */
    public List<Instant> noShowsSince(UUID volunteerId, Instant since) {
        return jdbc.sql(
                        "SELECT no_show_on FROM sign_up WHERE volunteer_id = :volunteerId AND no_show_on > :since ORDER BY no_show_on DESC")
                .param("volunteerId", volunteerId)
                .param("since", ts(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    /** A live sign-up of the volunteer, for another activity, whose position's time overlaps [start, end). */
    public record Overlap(UUID activityId, UUID signUpId, Instant startsAt, Instant endsAt) {}

    public Optional<Overlap> overlapping(UUID volunteerId, UUID exceptActivity, Instant start, Instant end) {
        return jdbc.sql(
                        "SELECT s.activity_id, s.id, p.starts_at, p.ends_at FROM sign_up s JOIN activity_position p ON p.id = s.position_id "
                                + "WHERE s.volunteer_id = :volunteerId AND s.activity_id <> :exceptActivity AND s.status IN "
                                + LIVE
                                + " AND p.starts_at < :end AND p.ends_at > :start "
                                + "ORDER BY p.starts_at LIMIT 1")
                .param("volunteerId", volunteerId)
                .param("exceptActivity", exceptActivity)
                .param("end", ts(end))
                .param("start", ts(start))
                .query((rs, n) -> new Overlap(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    // ---- mapping

    private static Activity activity(ResultSet rs, int n) throws SQLException {
        String cancel = rs.getString("cancel_reason");
        return new Activity(
                rs.getObject("id", UUID.class),
                ActivityPublisherKind.valueOf(rs.getString("publisher_kind")),
                rs.getObject("publisher_id", UUID.class),
                ActivityKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("community_id", UUID.class),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getObject("venue_offer_id", UUID.class),
                uuids(rs.getArray("co_host_organization_ids")),
                uuids(rs.getArray("co_host_donor_ids")),
                rs.getBoolean("approval_required"),
                served(rs.getString("residents_served")),
                Activity.Status.valueOf(rs.getString("status")),
                rs.getInt("revision"),
                cancel == null ? null : ActivityCancelReason.valueOf(cancel),
                rs.getString("cancel_note"),
                rs.getString("published_by"),
                instant(rs, "published_at"),
                instant(rs, "updated_at"),
                rs.getString("grants_qualification"));
    }

    private static Position position(ResultSet rs, int n) throws SQLException {
        Array skills = rs.getArray("skills");
        return new Position(
                rs.getObject("id", UUID.class),
                rs.getObject("activity_id", UUID.class),
                rs.getInt("ordinal"),
                rs.getString("duty"),
                rs.getInt("places"),
                rs.getInt("waiting_list_limit"),
                skills == null
                        ? List.of()
                        : Arrays.stream((String[]) skills.getArray())
                                .map(Skill::valueOf)
                                .toList(),
                rs.getString("qualification"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"));
    }

    private static SignUp signUp(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reject_reason");
        return new SignUp(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getObject("activity_id", UUID.class),
                rs.getObject("position_id", UUID.class),
                rs.getObject("volunteer_id", UUID.class),
                SignUp.Status.valueOf(rs.getString("status")),
                instant(rs, "signed_up_at"),
                rs.getString("signed_up_by"),
                instant(rs, "decided_at"),
                reason == null ? null : SignUpRejectReason.valueOf(reason),
                instant(rs, "moved_up_at"),
                instant(rs, "ended_at"),
                instant(rs, "no_show_on"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static Map<BeneficiaryGroup, Integer> served(String json) {
        Map<String, Integer> raw = JSON.readValue(json, new TypeReference<Map<String, Integer>>() {});
        Map<BeneficiaryGroup, Integer> served = new EnumMap<>(BeneficiaryGroup.class);
        raw.forEach((group, count) -> served.put(BeneficiaryGroup.valueOf(group), count));
        return served;
    }

    private static String json(Map<BeneficiaryGroup, Integer> served) {
        return JSON.writeValueAsString(served.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String skillArray(List<Skill> skills) {
        return skills.stream().map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }
}
