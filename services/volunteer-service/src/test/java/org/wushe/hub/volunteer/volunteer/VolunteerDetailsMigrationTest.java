package org.wushe.hub.volunteer.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.hub.volunteer.support.ServiceScenario;

/**
 * Volunteers registered before issue 14 had their name, phone and hardship flag in plain columns: the shipped
 * migrations, run on a schema of their own in the real PostgreSQL, seal them (V5, with the service's key) and
 * drop the plain columns (V6); the service reads them back.
 */
class VolunteerDetailsMigrationTest extends ServiceScenario {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private V5__SealVolunteerDetails sealing;

    @Autowired
    private VolunteerDetailsCipher cipher;

    private Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .locations("classpath:db/wushe-platform", "classpath:db/migration")
                .javaMigrations(sealing)
                .target(target)
                .load();
    }

    @Test
    void volunteersRegisteredBeforeAreSealedAndThePlainColumnsGo() {
        String schema = "volunteer_migration_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            flyway(schema, "3").migrate();
            UUID old = UUID.randomUUID();
            UUID noPhone = UUID.randomUUID();
            jdbc.update(
                    "INSERT INTO " + schema
                            + ".volunteer (id, display_name, phone, district_code, in_hardship, registered_at, updated_at) "
                            + "VALUES (?, '马老汉', '13700001111', '110112', true, now(), now()), (?, '刘小', NULL, '110112', false, now(), now())",
                    old,
                    noPhone);

            flyway(schema, "latest").migrate();

            List<String> columns = jdbc.queryForList(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                            + "AND table_name = 'volunteer'",
                    String.class,
                    schema);
            assertThat(columns).doesNotContain("display_name", "phone", "in_hardship");
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM " + schema + ".volunteer v WHERE v::text LIKE '%马老汉%' "
                                    + "OR v::text LIKE '%13700001111%'",
                            Long.class))
                    .isZero();
            Map<String, Object> row = jdbc.queryForMap("SELECT * FROM " + schema + ".volunteer WHERE id = ?", old);
            assertThat(cipher.openName(old, (byte[]) row.get("name_sealed"))).isEqualTo("马老汉");
            assertThat(cipher.openPhone(old, (byte[]) row.get("phone_sealed"))).isEqualTo("13700001111");
            assertThat((byte[]) row.get("phone_hash")).isEqualTo(cipher.phoneHash("13700001111"));
            assertThat(cipher.openHardship(old, (byte[]) row.get("hardship_sealed")))
                    .isTrue();
            Map<String, Object> other =
                    jdbc.queryForMap("SELECT * FROM " + schema + ".volunteer WHERE id = ?", noPhone);
            assertThat(other.get("phone_sealed")).isNull();
            assertThat(other.get("phone_hash")).isNull();
            assertThat(cipher.openName(noPhone, (byte[]) other.get("name_sealed")))
                    .isEqualTo("刘小");
            assertThat(cipher.openHardship(noPhone, (byte[]) other.get("hardship_sealed")))
                    .isFalse();
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
