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
        jdbc.sql("INSERT INTO grid_compound (id, grid_id, name, created_at) VALUES (:id, :gridId, :name, :createdAt)")
                .param("id", c.id())
                .param("gridId", c.gridId())
                .param("name", c.name())
                .param("createdAt", Timestamp.from(c.createdAt()))
                .update();
    }

    void insert(Household.Building b) {
        jdbc.sql("INSERT INTO grid_building (id, compound_id, grid_id, label, stairwells, created_at) "
                        + "VALUES (:id, :compoundId, :gridId, :label, :stairwells, :createdAt)")
                .param("id", b.id())
                .param("compoundId", b.compoundId())
                .param("gridId", b.gridId())
                .param("label", b.label())
                .param("stairwells", b.stairwells())
                .param("createdAt", Timestamp.from(b.createdAt()))
                .update();
    }

    void insert(Household.Home h) {
        jdbc.sql("INSERT INTO grid_household (id, building_id, grid_id, stairwell, number, created_at) "
                        + "VALUES (:id, :buildingId, :gridId, :stairwell, :number, :createdAt)")
                .param("id", h.id())
                .param("buildingId", h.buildingId())
                .param("gridId", h.gridId())
                .param("stairwell", h.stairwell())
                .param("number", h.number())
                .param("createdAt", Timestamp.from(h.createdAt()))
                .update();
        replaceResidents(h.id(), h.residentIds());
    }

    void replaceResidents(UUID householdId, List<UUID> residentIds) {
        jdbc.sql("DELETE FROM grid_household_resident WHERE household_id = :householdId")
                .param("householdId", householdId)
                .update();
        for (UUID r : residentIds) {
            jdbc.sql(
                            "INSERT INTO grid_household_resident (household_id, resident_id) VALUES (:householdId, :residentId)")
                    .param("householdId", householdId)
                    .param("residentId", r)
                    .update();
        }
    }

    Optional<Household.Compound> compound(UUID id) {
        return jdbc.sql("SELECT id, grid_id, name, created_at FROM grid_compound WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Household.Compound(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    boolean compoundNamed(UUID gridId, String name) {
        return jdbc.sql("SELECT count(*) FROM grid_compound WHERE grid_id = :gridId AND name = :name")
                        .param("gridId", gridId)
                        .param("name", name)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    Optional<Household.Building> building(UUID id) {
        return buildings("WHERE id = :key", id).stream().findFirst();
    }

    boolean buildingLabelled(UUID compoundId, String label) {
        return jdbc.sql("SELECT count(*) FROM grid_building WHERE compound_id = :compoundId AND label = :label")
                        .param("compoundId", compoundId)
                        .param("label", label)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean householdNumbered(UUID buildingId, int number) {
        return jdbc.sql("SELECT count(*) FROM grid_household WHERE building_id = :buildingId AND number = :number")
                        .param("buildingId", buildingId)
                        .param("number", number)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The household a resident is registered in, if any (its id and grid). */
    Optional<Household.Home> householdOf(UUID residentId) {
        return jdbc.sql("SELECT household_id FROM grid_household_resident WHERE resident_id = :residentId")
                .param("residentId", residentId)
                .query(UUID.class)
                .optional()
                .flatMap(this::household);
    }

    Optional<Household.Home> household(UUID id) {
        return households("WHERE id = :key", "", id).stream().findFirst();
    }

    List<Household.Compound> compoundsOf(UUID gridId) {
        return jdbc.sql("SELECT id, grid_id, name, created_at FROM grid_compound WHERE grid_id = :gridId ORDER BY name")
                .param("gridId", gridId)
                .query((rs, n) -> new Household.Compound(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    List<Household.Building> buildingsOf(UUID gridId) {
        return buildings("WHERE grid_id = :key ORDER BY label", gridId);
    }

    List<Household.Home> householdsOf(UUID gridId) {
        return households("WHERE grid_id = :key", " ORDER BY building_id, number", gridId);
    }

    /** The buildings {@code where} selects, its one parameter named {@code :key}. */
    private List<Household.Building> buildings(String where, Object key) {
        return jdbc.sql("SELECT id, compound_id, grid_id, label, stairwells, created_at FROM grid_building " + where)
                .param("key", key)
                .query((rs, n) -> new Household.Building(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /** The households {@code where} selects (its one parameter named {@code :key}), with their residents. */
    private List<Household.Home> households(String where, String order, Object key) {
        record Row(UUID id, UUID buildingId, UUID gridId, Integer stairwell, int number, java.time.Instant createdAt) {}
        List<Row> rows = jdbc.sql("SELECT id, building_id, grid_id, stairwell, number, created_at FROM grid_household "
                        + where + order)
                .param("key", key)
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
                .param("key", key)
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
