package org.wushe.hub.volunteer.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;

/**
 * The field's rules for attendance hours (rounding, the daily maximum) and the venue codes' key, without the stack:
 * {@link AttendanceTest} covers them end to end.
 */
class AttendanceRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private VolunteerProperties settings(Path dataDir) {
        return new VolunteerProperties(SHANGHAI, Duration.ofHours(1), 500, "", dataDir, Duration.ofDays(7));
    }

    private ActivityProperties rules(ActivityProperties.Rounding rounding, String key) {
        return new ActivityProperties(
                3,
                Duration.ofDays(90),
                10,
                key,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                rounding,
                Duration.ofHours(8),
                30);
    }

    private int minutes(ActivityProperties.Rounding rounding, ZonedDateTime in, ZonedDateTime out) {
        return new AttendanceService(null, null, null, null, rules(rounding, ""), settings(dir), null, null, null)
                .creditable(in.toInstant(), out.toInstant());
    }

    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 12, day, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void roundedToTheHalfHourDownByDefaultOrAsTheSettingSays() {
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 9, 0), at(5, 11, 47)))
                .isEqualTo(150);
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 9, 0), at(5, 9, 29)))
                .isZero();
        assertThat(minutes(ActivityProperties.Rounding.NEAREST, at(5, 9, 0), at(5, 11, 47)))
                .isEqualTo(180);
        assertThat(minutes(ActivityProperties.Rounding.NEAREST, at(5, 9, 0), at(5, 11, 14)))
                .isEqualTo(120);
        assertThat(minutes(ActivityProperties.Rounding.UP, at(5, 9, 0), at(5, 9, 1)))
                .isEqualTo(30);
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 9, 0), at(5, 9, 0)))
                .isZero();
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 9, 0), at(5, 8, 0)))
                .isZero();
    }

    @Test
    void atMostTheDailyMaximumPerLocalDay() {
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 8, 0), at(5, 20, 0)))
                .isEqualTo(480);
        // Across Shanghai's midnight: 4 h on the 5th and 9 h on the 6th count 4 + 8.
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 20, 0), at(6, 9, 0)))
                .isEqualTo(720);
        // Three whole days: 24 h, as much as one credit holds.
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 0, 0), at(8, 0, 0)))
                .isEqualTo(1440);
        assertThat(minutes(ActivityProperties.Rounding.DOWN, at(5, 0, 0), at(10, 0, 0)))
                .isEqualTo(1440);
    }

    @Test
    void theLocalKeyIsGeneratedOnceOwnerOnlyAndAnotherKeysCodeIsForged() throws Exception {
        VenueCodes codes = new VenueCodes(rules(ActivityProperties.Rounding.DOWN, ""), settings(dir));
        Path key = dir.resolve("volunteer").resolve("venue-code.key");
        assertThat(key).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");

        UUID activity = UUID.randomUUID();
        UUID position = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-05T01:00:00Z");
        String code = codes.issue(activity, position, Attendance.Kind.CHECK_OUT, now, now.plusSeconds(300));
        assertThat(code.length()).isLessThan(140);
        // The same key file: the same key after a restart.
        VenueCodes.Claims claims =
                new VenueCodes(rules(ActivityProperties.Rounding.DOWN, ""), settings(dir)).verify(code);
        assertThat(claims.activityId()).isEqualTo(activity);
        assertThat(claims.positionId()).isEqualTo(position);
        assertThat(claims.kind()).isEqualTo(Attendance.Kind.CHECK_OUT);
        assertThat(claims.expiresAt()).isEqualTo(now.plusSeconds(300));
        assertThat(codes.verify(codes.issue(activity, null, Attendance.Kind.CHECK_IN, now, now))
                        .positionId())
                .isNull();
        assertThat(codes.issue(activity, null, Attendance.Kind.CHECK_IN, now, now))
                .isNotEqualTo(codes.issue(activity, null, Attendance.Kind.CHECK_IN, now, now));

        VenueCodes elsewhere =
                new VenueCodes(rules(ActivityProperties.Rounding.DOWN, ""), settings(dir.resolve("other")));
        assertThatThrownBy(() -> elsewhere.verify(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("forged");
        String configured = "dmVudWUtY29kZS10ZXN0LWtleS0zMi1ieXRlcy1sb25n";
        VenueCodes fromSetting =
                new VenueCodes(rules(ActivityProperties.Rounding.DOWN, configured), settings(dir.resolve("unused")));
        assertThat(dir.resolve("unused")).doesNotExist();
        assertThatThrownBy(() -> fromSetting.verify(code)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> codes.verify(code.substring(0, code.length() - 2) + "AA"))
                .isInstanceOf(InvalidInputException.class);
    }
}
