package org.wushe.hub.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample town's synthetic data: valid-looking, and the same for the same seed. */
class SampleDataTest {

    @Test
    void idNumbersHaveTheirCheckCharacterAndTheBirthDateAndSexTheySay() {
        Random r = new Random(1);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            LocalDate birth = LocalDate.of(1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
            boolean male = r.nextBoolean();
            String id = People.idNumber(r, birth, male, r.nextBoolean(), taken);
            assertThat(id).matches("\\d{17}[\\dX]");
            // GB 11643-1999: weights 2^(17-i) mod 11, check "10X98765432"[sum mod 11].
            int sum = 0;
            for (int k = 0; k < 17; k++) {
                sum += (id.charAt(k) - '0') * ((1 << (17 - k)) % 11);
            }
            assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
            assertThat(id.substring(6, 14))
                    .isEqualTo(String.format(
                            "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()));
            assertThat((id.charAt(16) - '0') % 2 == 1).isEqualTo(male);
        }
        assertThat(taken).hasSize(2000);
    }

    @Test
    void creditCodesHaveTheirCheckCharacter() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        Random r = new Random(2);
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = People.creditCode(r, '5', '2', taken);
            assertThat(code).matches("52110112[0-9A-HJ-NPQRTUWXY]{10}");
            // GB 32100-2015: weights 3^i mod 31.
            int sum = 0;
            int w = 1;
            for (int k = 0; k < 17; k++) {
                sum += alphabet.indexOf(code.charAt(k)) * w;
                w = w * 3 % 31;
            }
            assertThat(code.charAt(17)).isEqualTo(alphabet.charAt((31 - sum % 31) % 31));
        }
    }

    @Test
    void phonesAndNamesLookReal() {
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            assertThat(People.mobile(r)).matches("1[3-9]\\d{9}");
            assertThat(People.landline(r)).matches("010-\\d{8}");
            assertThat(People.name(r, 1940 + r.nextInt(70), r.nextBoolean())).matches("\\p{IsHan}{2,4}");
        }
    }

    @Test
    void placesAreGeohashCellsOfSixInTongzhou() {
        assertThat(Geo.geohash(39.918, 116.652, 6)).hasSize(6).startsWith("wx4");
        for (Town.Community c : Town.COMMUNITIES) {
            assertThat(c.point().cell()).hasSize(6);
            assertThat(Math.hypot(c.east(), c.north())).as(c.name()).isLessThan(5_000);
        }
        assertThat(Town.COMMUNITIES).hasSize(17);
        assertThat(Town.STATIONS).hasSize(7);
        assertThat(Town.STATIONS.stream().filter(Town.Station::rural)).hasSize(2);
        assertThat(Town.STATIONS.stream().flatMap(s -> s.communities().stream()).distinct())
                .as("every community served by exactly one station")
                .hasSize(17);
    }

    @Test
    void aNeedIsTheSameForTheSameSeedAndIndex() {
        List<SampleTown.CommunityRef> communities = Town.COMMUNITIES.stream()
                .map(t -> new SampleTown.CommunityRef(
                        "id-" + t.name(),
                        t.name(),
                        t.rural(),
                        "station",
                        t.point().cell(),
                        t.point().lat(),
                        t.point().lon(),
                        List.of("g1", "g2")))
                .toList();
        SampleTown.ResidentRef p = new SampleTown.ResidentRef("r1", "ref1", 0, "g1", "ELDERLY_ALONE");
        SampleTown.State state = new SampleTown.State(7, 1.0, "centre", communities, List.of(p), null);
        Instant now = Instant.parse("2026-11-23T02:00:00Z");
        for (int i = 0; i < 100; i++) {
            Map<String, Object> a = Needs.need(state, i, now);
            assertThat(a).isEqualTo(Needs.need(state, i, now));
            assertThat(Instant.parse((String) a.get("end"))).isAfter(Instant.parse((String) a.get("start")));
            assertThat(Instant.parse((String) a.get("end"))).isAfter(now);
            assertThat((String) a.get("title")).hasSizeLessThanOrEqualTo(100).doesNotContainPattern("\\d{11,}");
            if ("DAILY_GOODS".equals(a.get("category"))) {
                assertThat(a).containsKey("quantity");
            }
            if ("MICRO_WISH".equals(a.get("source"))) {
                assertThat(a).containsEntry("residentId", "r1").containsEntry("beneficiaryCount", 1);
            }
        }
        assertThat(Needs.need(state, 1, now)).isNotEqualTo(Needs.need(state, 2, now));
    }
}
