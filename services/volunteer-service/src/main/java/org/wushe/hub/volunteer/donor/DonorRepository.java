package org.wushe.hub.volunteer.donor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.resource.DonorKind;

/** Read model of donors, fed by {@code DonorRegistered} from the resource service. */
@Repository
public class DonorRepository {

    private final JdbcClient jdbc;

    public DonorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the donor; a newer registration of the same donor replaces an older one, an older one is ignored. */
    public void upsert(Donor d) {
        jdbc.sql("""
                INSERT INTO donor (id, name, kind, community_id, district_code, registered_at)
                VALUES (:id, :name, :kind, :communityId, :districtCode, :registeredAt)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, community_id = EXCLUDED.community_id,
                    district_code = EXCLUDED.district_code, registered_at = EXCLUDED.registered_at
                WHERE donor.registered_at <= EXCLUDED.registered_at""")
                .param("id", d.id())
                .param("name", d.name())
                .param("kind", d.kind().name())
                .param("communityId", d.communityId())
                .param("districtCode", d.districtCode())
                .param("registeredAt", Timestamp.from(d.registeredAt()))
                .update();
    }

    public Optional<Donor> find(UUID id) {
        return jdbc.sql("SELECT * FROM donor WHERE id = :id")
                .param("id", id)
                .query(DonorRepository::map)
                .optional();
    }

    public List<Donor> list(DonorKind kind, UUID communityId, int limit) {
        return jdbc.sql(
                        "SELECT * FROM donor WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) "
                                + "AND (CAST(:community AS uuid) IS NULL OR community_id = :community) ORDER BY name, id LIMIT :limit")
                .param("kind", kind == null ? null : kind.name())
                .param("community", communityId)
                .param("limit", limit)
                .query(DonorRepository::map)
                .list();
    }

    private static Donor map(ResultSet rs, int n) throws SQLException {
        return new Donor(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                kind(rs.getString("kind")),
                rs.getObject("community_id", UUID.class),
                rs.getString("district_code"),
                rs.getTimestamp("registered_at").toInstant());
    }

    private static DonorKind kind(String name) {
        try {
            return DonorKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return DonorKind.UNKNOWN;
        }
    }
}
