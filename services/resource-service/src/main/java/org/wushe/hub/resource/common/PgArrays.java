package org.wushe.hub.resource.common;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** PostgreSQL array literals ({@code '{"a","b"}'}), bound as text and cast in SQL, and array columns read back. */
public final class PgArrays {

    private PgArrays() {}

    /** The array literal of the values' strings, each quoted: {@code {"SATURDAY 09:00-11:30"}}. */
    public static String literal(Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return "{}";
        }
        return values.stream()
                .map(v -> "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) a.getArray()).map(Object::toString).toList();
    }

    public static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        if (a == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) a.getArray())
                .map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()))
                .toList();
    }
}
