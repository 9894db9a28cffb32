package org.wushe.hub.resource.donor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.resource.common.PlaceColumns;

@Repository
public class DonorRepository {

    private final JdbcClient jdbc;

    public DonorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a donor with the same unified social credit code already exists. */
    public boolean insert(Donor d) {
        return jdbc.sql(
                                "INSERT INTO donor (id, name, kind, unified_social_credit_code, community_id, description, website, "
                                        + PlaceColumns.COLUMNS
                                        + ", registered_at) VALUES (:id, :name, :kind, :uscc, :community_id, :description, :website, "
                                        + PlaceColumns.PARAMS + ", :registered_at) ON CONFLICT DO NOTHING")
                        .param("id", d.id())
                        .param("name", d.name())
                        .param("kind", d.kind().name())
                        .param("uscc", d.unifiedSocialCreditCode())
                        .param("community_id", d.communityId())
                        .param("description", d.description())
                        .param("website", d.website())
                        .params(PlaceColumns.params(d.place()))
                        .param("registered_at", Timestamp.from(d.registeredAt()))
                        .update()
                == 1;
    }

    public Optional<Donor> find(UUID id) {
        return jdbc.sql("SELECT * FROM donor WHERE id = :id")
                .param("id", id)
                .query(DonorRepository::map)
                .optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM donor WHERE id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public List<Donor> list(DonorKind kind, int limit, int offset) {
        return jdbc.sql(
                        "SELECT * FROM donor WHERE (CAST(:kind AS text) IS NULL OR kind = :kind) ORDER BY registered_at, id LIMIT :limit OFFSET :offset")
                .param("kind", kind == null ? null : kind.name())
                .param("limit", limit)
                .param("offset", offset)
                .query(DonorRepository::map)
                .list();
    }

    public List<Donor> byIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM donor WHERE id = ANY (:ids) ORDER BY name, id")
                .param("ids", ids.toArray(UUID[]::new)) // an array, bound as one value (a List would be expanded)
                .query(DonorRepository::map)
                .list();
    }

    static Donor map(ResultSet rs, int row) throws SQLException {
        return new Donor(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                DonorKind.valueOf(rs.getString("kind")),
                rs.getString("unified_social_credit_code"),
                rs.getObject("community_id", UUID.class),
                rs.getString("description"),
                rs.getString("website"),
                PlaceColumns.read(rs),
                rs.getTimestamp("registered_at").toInstant());
    }
}
