package org.wushe.hub.community.household;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HouseholdRepository {

    private final JdbcClient jdbc;

    public HouseholdRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Household.Compound c) {
        jdbc.sql("INSERT INTO grid_compound (id, grid_id, name, created_at) VALUES (?, ?, ?, ?)")
                .params(c.id(), c.gridId(), c.name(), Timestamp.from(c.createdAt()))
                .update();
    }

    void insert(Household.Building b) {
        jdbc.sql(
                        "INSERT INTO grid_building (id, compound_id, grid_id, label, stairwells, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(b.id(), b.compoundId(), b.gridId(), b.label(), b.stairwells(), Timestamp.from(b.createdAt()))
                .update();
    }

    void insert(Household.Home h) {
        jdbc.sql(
                        "INSERT INTO grid_household (id, building_id, grid_id, stairwell, number, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(h.id(), h.buildingId(), h.gridId(), h.stairwell(), h.number(), Timestamp.from(h.createdAt()))
                .update();
        replaceResidents(h.id(), h.residentIds());
    }

    void replaceResidents(UUID householdId, List<UUID> residentIds) {
        jdbc.sql("DELETE FROM grid_household_resident WHERE household_id = ?")
                .param(householdId)
                .update();
        for (UUID r : residentIds) {
            jdbc.sql("INSERT INTO grid_household_resident (household_id, resident_id) VALUES (?, ?)")
                    .params(householdId, r)
                    .update();
        }
    }

    Optional<Household.Compound> compound(UUID id) {
        return jdbc.sql("SELECT id, grid_id, name, created_at FROM grid_compound WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Household.Compound(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    boolean compoundNamed(UUID gridId, String name) {
        return jdbc.sql("SELECT count(*) FROM grid_compound WHERE grid_id = ? AND name = ?")
                        .params(gridId, name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<Household.Building> building(UUID id) {
        return buildings("WHERE id = ?", id).stream().findFirst();
    }

    boolean buildingLabelled(UUID compoundId, String label) {
        return jdbc.sql("SELECT count(*) FROM grid_building WHERE compound_id = ? AND label = ?")
                        .params(compoundId, label)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean householdNumbered(UUID buildingId, int number) {
        return jdbc.sql("SELECT count(*) FROM grid_household WHERE building_id = ? AND number = ?")
                        .params(buildingId, number)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The household a resident is registered in, if any (its id and grid). */
    Optional<Household.Home> householdOf(UUID residentId) {
        return jdbc.sql("SELECT household_id FROM grid_household_resident WHERE resident_id = ?")
                .param(residentId)
                .query(UUID.class)
                .optional()
                .flatMap(this::household);
    }

    Optional<Household.Home> household(UUID id) {
        return households("WHERE id = ?", "", id).stream().findFirst();
    }

    List<Household.Compound> compoundsOf(UUID gridId) {
        return jdbc.sql("SELECT id, grid_id, name, created_at FROM grid_compound WHERE grid_id = ? ORDER BY name")
                .param(gridId)
                .query((rs, n) -> new Household.Compound(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    List<Household.Building> buildingsOf(UUID gridId) {
        return buildings("WHERE grid_id = ? ORDER BY label", gridId);
    }

    List<Household.Home> householdsOf(UUID gridId) {
        return households("WHERE grid_id = ?", " ORDER BY building_id, number", gridId);
    }

    private List<Household.Building> buildings(String where, Object param) {
        return jdbc.sql("SELECT id, compound_id, grid_id, label, stairwells, created_at FROM grid_building " + where)
                .param(param)
                .query((rs, n) -> new Household.Building(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    private List<Household.Home> households(String where, String order, Object param) {
        record Row(UUID id, UUID buildingId, UUID gridId, Integer stairwell, int number, java.time.Instant createdAt) {}
        List<Row> rows = jdbc.sql("SELECT id, building_id, grid_id, stairwell, number, created_at FROM grid_household "
                        + where + order)
                .param(param)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        (Integer) rs.getObject(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<UUID>> residents = jdbc
                .sql("SELECT household_id, resident_id FROM grid_household_resident "
                        + "WHERE household_id IN (SELECT id FROM grid_household " + where + ") ORDER BY resident_id")
                .param(param)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<Household.Home> homes = new ArrayList<>(rows.size());
        for (Row r : rows) {
            homes.add(new Household.Home(
                    r.id(),
                    r.buildingId(),
                    r.gridId(),
                    r.stairwell(),
                    r.number(),
                    List.copyOf(residents.getOrDefault(r.id(), List.of())),
                    r.createdAt()));
        }
        return homes;
    }
}
