package org.wushe.hub.volunteer.volunteer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 5 (between V4, which adds the sealed columns, and V6, which drops the plain ones): seals
 * the name, phone and hardship flag of every volunteer registered before issue 14, and keys the phone's
 * uniqueness by its keyed hash. A Spring bean, so that it has the service's key (Spring Boot hands
 * {@code JavaMigration} beans to Flyway); it runs once, in Flyway's transaction with V4 and V6.
 */
@Component
public class V5__SealVolunteerDetails extends BaseJavaMigration {

    private final VolunteerDetailsCipher cipher;

    public V5__SealVolunteerDetails(VolunteerDetailsCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (PreparedStatement select = c.prepareStatement(
                        "SELECT id, display_name, phone, in_hardship FROM volunteer WHERE name_sealed IS NULL");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE volunteer SET name_sealed = ?, phone_sealed = ?, phone_hash = ?, hardship_sealed = ? WHERE id = ?");
                ResultSet rs = select.executeQuery()) {
            int n = 0;
            while (rs.next()) {
                UUID id = rs.getObject("id", UUID.class);
                String phone = rs.getString("phone");
                update.setBytes(1, cipher.sealName(id, rs.getString("display_name")));
                update.setBytes(2, phone == null ? null : cipher.sealPhone(id, phone));
                update.setBytes(3, cipher.phoneHash(phone));
                update.setBytes(4, cipher.sealHardship(id, rs.getBoolean("in_hardship")));
                update.setObject(5, id);
                update.addBatch();
                if (++n % 500 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }
}
