package org.wushe.hub.community.resident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ResidentRepository {

    private static final String COLUMNS =
            "id, resident_ref, community_id, grid_id, resident_number, name_enc, phone_enc, id_number_enc, "
                    + "id_number_hmac, address_enc, flags_enc, created_by, created_at";

    private final JdbcClient jdbc;

    ResidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Resident.Sealed r) {
        jdbc.sql(
                        "INSERT INTO resident (" + COLUMNS + ") VALUES (:id, :residentRef, :communityId, :gridId, "
                                + ":residentNumber, :name, :phone, :idNumber, :idNumberHash, :address, :flags, :createdBy, :createdAt)")
                .param("id", r.id())
                .param("residentRef", r.residentRef())
                .param("communityId", r.communityId())
                .param("gridId", r.gridId())
                .param("residentNumber", r.residentNumber())
                .param("name", r.name())
                .param("phone", r.phone())
                .param("idNumber", r.idNumber())
                .param("idNumberHash", r.idNumberHash())
                .param("address", r.address())
                .param("flags", r.flags())
                .param("createdBy", r.createdBy())
                .param("createdAt", Timestamp.from(r.createdAt()))
                .update();
    }

    Optional<Resident.Sealed> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id = :id")
                .param("id", id)
                .query(ResidentRepository::map)
                .optional();
    }

    Optional<Resident.Sealed> findByRef(UUID residentRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE resident_ref = :residentRef")
                .param("residentRef", residentRef)
                .query(ResidentRepository::map)
                .optional();
    }

    /** Every registration of this ID number (one per community at most), oldest first. */
    List<Resident.Sealed> findByIdNumberHash(byte[] hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id_number_hmac = :hash ORDER BY created_at, id")
                .param("hash", hash)
                .query(ResidentRepository::map)
                .list();
    }

    boolean idNumberTaken(UUID communityId, byte[] hash) {
        return jdbc.sql("SELECT count(*) FROM resident WHERE community_id = :communityId AND id_number_hmac = :hash")
                        .param("communityId", communityId)
                        .param("hash", hash)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<Resident.Sealed> findByNumber(UUID communityId, String number) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM resident WHERE community_id = :communityId AND resident_number = :number")
                .param("communityId", communityId)
                .param("number", number)
                .query(ResidentRepository::map)
                .optional();
    }

    /** A resident's id with its sealed name: what the name search decrypts. */
    record SealedName(UUID id, byte[] name) {}

    /** The sealed names of every resident of one community (the name search's scan); erased residents have none. */
    List<SealedName> sealedNames(UUID communityId) {
        return jdbc.sql("SELECT id, name_enc FROM resident WHERE community_id = :communityId AND erased_at IS NULL")
                .param("communityId", communityId)
                .query((rs, n) -> new SealedName(rs.getObject("id", UUID.class), rs.getBytes("name_enc")))
                .list();
    }

    /** The rows of {@code ids} (none: an empty list), in no particular order. */
    List<Resident.Sealed> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM resident WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(ResidentRepository::map)
                .list();
    }

    boolean numberTaken(UUID communityId, String number) {
        return jdbc.sql("SELECT count(*) FROM resident WHERE community_id = :communityId AND resident_number = :number")
                        .param("communityId", communityId)
                        .param("number", number)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Residents of {@code communities} (none: an empty list), optionally of one grid or pseudonym; no personal data. */
    List<Resident.Summary> list(Collection<UUID> communities, UUID gridId, UUID residentRef, int offset, int limit) {
        if (communities.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM resident WHERE community_id IN (:communities) "
                        + "AND (:gridId::uuid IS NULL OR grid_id = :gridId) "
                        + "AND (:residentRef::uuid IS NULL OR resident_ref = :residentRef) "
                        + "ORDER BY created_at, id OFFSET :offset LIMIT :limit")
                .param("communities", List.copyOf(communities))
                .param("gridId", gridId)
                .param("residentRef", residentRef)
                .param("offset", offset)
                .param("limit", limit)
                .query(ResidentRepository::map)
                .list()
                .stream()
                .map(Resident.Sealed::summary)
                .toList();
    }

    /** When the resident's personal data was erased, if it was. */
    Optional<Instant> erasedAt(UUID id) {
        return jdbc.sql("SELECT erased_at FROM resident WHERE id = :id AND erased_at IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> rs.getTimestamp("erased_at").toInstant())
                .optional();
    }

    /**
     * Removes the resident's personal data (every sealed column, the ID number's keyed hash and the community's
     * number for them); the row, its pseudonym and its access log stay. False when it was erased already.
     */
    boolean erase(UUID id, String actor, String reason, Timestamp at) {
        return jdbc.sql(
                                "UPDATE resident SET name_enc = NULL, phone_enc = NULL, id_number_enc = NULL, id_number_hmac = NULL, address_enc = NULL, "
                                        + "flags_enc = NULL, resident_number = NULL, erased_at = :at, erased_by = :actor, "
                                        + "erasure_reason = :reason WHERE id = :id AND erased_at IS NULL")
                        .param("at", at)
                        .param("actor", actor)
                        .param("reason", reason)
                        .param("id", id)
                        .update()
                == 1;
    }

    void logAccess(UUID residentId, String actor, String reason, String action, Timestamp at) {
        jdbc.sql("INSERT INTO resident_access (resident_id, actor, reason, action, accessed_at) "
                        + "VALUES (:residentId, :actor, :reason, :action, :at)")
                .param("residentId", residentId)
                .param("actor", actor)
                .param("reason", reason)
                .param("action", action)
                .param("at", at)
                .update();
    }

    List<Resident.Access> accessLog(UUID residentId) {
        return jdbc.sql(
                        "SELECT resident_id, actor, reason, action, accessed_at FROM resident_access WHERE resident_id = :residentId ORDER BY id")
                .param("residentId", residentId)
                .query((rs, n) -> new Resident.Access(
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("actor"),
                        rs.getString("reason"),
                        rs.getString("action"),
                        rs.getTimestamp("accessed_at").toInstant()))
                .list();
    }

    static Resident.Sealed map(ResultSet rs, int row) throws SQLException {
        return new Resident.Sealed(
                rs.getObject("id", UUID.class),
                rs.getObject("resident_ref", UUID.class),
                rs.getObject("community_id", UUID.class),
                rs.getObject("grid_id", UUID.class),
                rs.getString("resident_number"),
                rs.getBytes("name_enc"),
                rs.getBytes("phone_enc"),
                rs.getBytes("id_number_enc"),
                rs.getBytes("id_number_hmac"),
                rs.getBytes("address_enc"),
                rs.getBytes("flags_enc"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
