package org.wushe.hub.volunteer.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 5 (between V4, which adds the sealed columns, and V6, which drops the plain ones): seals
 * the name, phone and hardship flag of every volunteer registered before issue 14, and keys the phone's
 * uniqueness by its keyed hash. A Spring bean, so that it has the service's key (Spring Boot hands
 * {@code JavaMigration} beans to Flyway); it runs once, in Flyway's transaction with V4 and V6: its statements go
 * through a {@link NamedParameterJdbcTemplate} on Flyway's own connection (never closed here, never committed).
 */
@Component
public class V5__SealVolunteerDetails extends BaseJavaMigration {

    private static final String SEAL = "UPDATE volunteer SET name_sealed = :nameSealed, phone_sealed = :phoneSealed, "
            + "phone_hash = :phoneHash, hardship_sealed = :hardshipSealed WHERE id = :id";

    private final VolunteerDetailsCipher cipher;

    public V5__SealVolunteerDetails(VolunteerDetailsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(
                new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
        List<SqlParameterSource> batch = new ArrayList<>();
        jdbc.getJdbcOperations()
                .query("SELECT id, display_name, phone, in_hardship FROM volunteer WHERE name_sealed IS NULL", rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String phone = rs.getString("phone");
                    batch.add(new MapSqlParameterSource()
                            .addValue("nameSealed", cipher.sealName(id, rs.getString("display_name")))
                            .addValue("phoneSealed", phone == null ? null : cipher.sealPhone(id, phone))
                            .addValue("phoneHash", cipher.phoneHash(phone))
                            .addValue("hardshipSealed", cipher.sealHardship(id, rs.getBoolean("in_hardship")))
                            .addValue("id", id));
                    if (batch.size() == 500) {
                        jdbc.batchUpdate(SEAL, batch.toArray(SqlParameterSource[]::new));
                        batch.clear();
                    }
                });
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(SEAL, batch.toArray(SqlParameterSource[]::new));
        }
    }
}
