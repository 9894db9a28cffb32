package org.wushe.hub.organization.incubation;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.IncubationStage;

@Repository
public class IncubationRepository {

    private final JdbcClient jdbc;

    public IncubationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(IncubationChange c) {
        jdbc.sql(
                        "INSERT INTO incubation_change (organization_id, stage, previous_stage, hub, hub_organization_id, changed_on, recorded_at) "
                                + "VALUES (:organization_id, :stage, :previous_stage, :hub, :hub_organization_id, :changed_on, :recorded_at)")
                .param("organization_id", c.organizationId())
                .param("stage", c.stage().name())
                .param("previous_stage", c.previousStage().name())
                .param("hub", c.hub())
                .param("hub_organization_id", c.hubOrganizationId())
                .param("changed_on", Date.valueOf(c.changedOn()))
                .param("recorded_at", Timestamp.from(c.recordedAt()))
                .update();
    }

    public List<IncubationChange> history(UUID organizationId) {
        return jdbc.sql("SELECT * FROM incubation_change WHERE organization_id = :organization_id ORDER BY id")
                .param("organization_id", organizationId)
                .query((rs, row) -> new IncubationChange(
                        rs.getObject("organization_id", UUID.class),
                        IncubationStage.valueOf(rs.getString("stage")),
                        IncubationStage.valueOf(rs.getString("previous_stage")),
                        rs.getBoolean("hub"),
                        rs.getObject("hub_organization_id", UUID.class),
                        rs.getDate("changed_on").toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    public Optional<java.time.LocalDate> lastChangedOn(UUID organizationId) {
        return jdbc.sql("SELECT max(changed_on) FROM incubation_change WHERE organization_id = :organization_id")
                .param("organization_id", organizationId)
                .query(Date.class)
                .optional()
                .map(Date::toLocalDate);
    }
}
