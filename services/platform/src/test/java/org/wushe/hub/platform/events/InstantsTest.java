package org.wushe.hub.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Instants#parse} gives what {@link Instant#parse} gives, for every form, and refuses what it refuses. */
class InstantsTest {

    @Test
    void everyUtcFormTheRelayWritesReadsAsInstantParseReadsIt() {
        SplittableRandom random = new SplittableRandom(16);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0; // "…:00Z", no fraction
                case 1 -> random.nextInt(1_000) * 1_000_000; // milliseconds
                case 2 -> random.nextInt(1_000_000) * 1_000; // microseconds, as PostgreSQL keeps them
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), nanos);
            String text = instant.toString();
            assertThat(Instants.parse(text))
                    .as(text)
                    .isEqualTo(Instant.parse(text))
                    .isEqualTo(instant);
        }
        // Fractions of any length from one to nine digits.
        for (String text : List.of(
                "2026-12-07T19:00:00.1Z",
                "2026-12-07T19:00:00.12Z",
                "2026-12-07T19:00:00.1234Z",
                "2026-12-07T19:00:00.12345678Z",
                "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z")) {
            assertThat(Instants.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void otherFormsGoToInstantParseAndBadValuesFailAsThere() {
        // An offset: Instant.parse reads it (JDK 12+), and so does this.
        assertThat(Instants.parse("2026-12-08T03:00:00+08:00")).isEqualTo(Instant.parse("2026-12-07T19:00:00Z"));
        // ISO's end of the day, which Instant.parse takes as the next midnight: the same here.
        assertThat(Instants.parse("2026-12-07T24:00:00Z"))
                .isEqualTo(Instant.parse("2026-12-07T24:00:00Z"))
                .isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        // A point with no digits after it, which Instant.parse takes too.
        assertThat(Instants.parse("2026-12-07T19:00:00.Z")).isEqualTo(Instant.parse("2026-12-07T19:00:00Z"));
        for (String bad : List.of(
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-12-07T25:00:00Z",
                "2026-12-07T19:60:00Z",
                "2026-12-07T19:00:00.1234567890Z",
                "2026-12-07 19:00:00Z",
                "2026-12-07T19:00:0xZ",
                "not an instant",
                "")) {
            assertThatThrownBy(() -> Instants.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> Instant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }
}
