package org.wushe.hub.volunteer.matching;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.hub.events.common.Category;

/**
 * Read model: the category of each published need and its coarse place (a geohash of at most 6
 * characters, about 1 km), the only things this service keeps of needs.
 */
@Repository
public class NeedCategories {

    private final JdbcClient jdbc;

    public NeedCategories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the category of the newest revision seen; an older copy arriving late changes nothing. */
    public void record(UUID needId, Category category, int revision) {
        record(needId, category, revision, null);
    }

    /** The same with the need's coarse place (geohash cut to at most 6 characters). */
    public void record(UUID needId, Category category, int revision, String geohash) {
        String cell = geohash == null || geohash.isBlank() ? null : geohash.substring(0, Math.min(6, geohash.length()));
        jdbc.sql("""
                INSERT INTO need_category (need_id, category, revision, geohash) VALUES (:needId, :category, :revision, :geohash)
                ON CONFLICT (need_id) DO UPDATE SET category = EXCLUDED.category, revision = EXCLUDED.revision, geohash = EXCLUDED.geohash
                WHERE need_category.revision < EXCLUDED.revision""")
                .param("needId", needId)
                .param("category", category.name())
                .param("revision", revision)
                .param("geohash", cell)
                .update();
    }

    public Optional<Category> of(UUID needId) {
        return jdbc.sql("SELECT category FROM need_category WHERE need_id = :needId")
                .param("needId", needId)
                .query(String.class)
                .optional()
                .map(name -> {
                    try {
                        return Category.valueOf(name);
                    } catch (IllegalArgumentException e) {
                        return Category.UNKNOWN;
                    }
                })
                .filter(c -> c != Category.UNKNOWN);
    }
}
