package org.wushe.hub.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.Urgency;

class GeoAndCalendarTest {

    @Test
    void aGeohashDecodesToTheCentreOfItsCell() {
        assertThat(Geo.decode("ezs42")).isEqualTo(new GeoPoint(42.60498046875, -5.60302734375));
        GeoPoint tiananmen = Geo.decode("wx4g09");
        assertThat(tiananmen.latitude()).isCloseTo(39.91, within(0.003));
        assertThat(tiananmen.longitude()).isCloseTo(116.395, within(0.006));
        assertThat(Geo.decode("WX4G09")).isEqualTo(tiananmen);
        assertThatThrownBy(() -> Geo.decode("wx4ga!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
        assertThat(Geo.cell(tiananmen.latitude(), tiananmen.longitude()))
                .isEqualTo(Geo.cell(
                        tiananmen.latitude() + Geo.CELL_LAT * 0.45, tiananmen.longitude() - Geo.CELL_LON * 0.45));
    }

    @Test
    void cellsComeNearestFirstAndCoverTheRadius() {
        GeoPoint p = Fixtures.CENTRE;
        Geo.Projection projection = Geo.Projection.at(p.latitude());
        Geo.CellOrder cells = Geo.cellsByDistance(projection, p.latitude(), p.longitude(), 5);

        assertThat(cells.minKm()[0]).isZero();
        for (int i = 1; i < cells.minKm().length; i++) {
            assertThat(cells.minKm()[i])
                    .isGreaterThanOrEqualTo(cells.minKm()[i - 1])
                    .isLessThanOrEqualTo(5);
        }
        for (double bearing = 0; bearing < 2 * Math.PI; bearing += 0.1) {
            GeoPoint edge = Fixtures.offset(p, 4.99 * Math.cos(bearing), 4.99 * Math.sin(bearing));
            assertThat(cells.keys()).contains(Geo.cell(edge.latitude(), edge.longitude()));
        }
        assertThat(projection.km(p.latitude(), p.longitude(), p.latitude() + 0.01, p.longitude()))
                .isCloseTo(1.112, within(0.001));
    }

    @Test
    void slotsFollowTheLocalWeek() {
        SlotCalendar shanghai = new SlotCalendar(Fixtures.SHANGHAI);
        long saturdayNine = Fixtures.june(14, 9, 0);
        long slot = shanghai.slotAt(saturdayNine);

        assertThat(SlotCalendar.weekSlot(slot)).isEqualTo(5 * 48 + 18);
        assertThat(shanghai.slotStart(slot)).isEqualTo(saturdayNine);
        assertThat(shanghai.slotAtOrAfter(saturdayNine + 1)).isEqualTo(slot + 1);
        assertThat(WeekMask.of(List.of(new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60 + 15, 11 * 60)))
                        .get(5 * 48 + 18))
                .isFalse();
        assertThat(WeekMask.of(List.of(new WeeklySlot(DayOfWeek.SATURDAY, 9 * 60 + 15, 11 * 60)))
                        .get(5 * 48 + 19))
                .isTrue();
    }

    @Test
    void everySymbolOfTheVocabularyHasWords() {
        for (Category c : Category.values()) {
            assertThat(Vocabulary.zh(c)).isNotBlank();
            assertThat(Vocabulary.en(c)).isNotBlank();
        }
        for (Skill s : Skill.values()) {
            assertThat(Vocabulary.zh(s)).isNotBlank();
        }
        for (BeneficiaryGroup g : BeneficiaryGroup.values()) {
            assertThat(Vocabulary.zh(g)).isNotBlank();
            assertThat(Vocabulary.en(g)).isNotBlank();
        }
        for (Urgency u : Urgency.values()) {
            assertThat(Vocabulary.zh(u)).isNotBlank();
            assertThat(Vocabulary.en(u)).isNotBlank();
        }
        for (QuantityUnit u : QuantityUnit.values()) {
            assertThat(Vocabulary.zh(u)).isNotBlank();
            assertThat(Vocabulary.en(u, 2)).isNotBlank();
        }
        MatchSettings defaults = MatchSettings.defaults();
        assertThat(defaults.urgencyValues()).containsOnlyKeys(Urgency.values());
        assertThat(defaults.groupPriorities()).containsOnlyKeys(BeneficiaryGroup.values());
    }

    @Test
    void theWeekMaskCountsTheSlotsUntilItsNextSlotRoundTheWeek() {
        // Tuesday 09:00–10:00 (slots 48 + 18, 48 + 19) and Saturday 20:00–20:30 (5 × 48 + 40)
        WeekMask mask = WeekMask.of(List.of(
                new WeeklySlot(DayOfWeek.TUESDAY, 9 * 60, 10 * 60),
                new WeeklySlot(DayOfWeek.SATURDAY, 20 * 60, 20 * 60 + 30)));
        assertThat(mask.slotsUntilSet(0)).isEqualTo(66);
        assertThat(mask.slotsUntilSet(66)).isZero();
        assertThat(mask.slotsUntilSet(67)).isZero();
        assertThat(mask.slotsUntilSet(68)).isEqualTo(5 * 48 + 40 - 68);
        // past Saturday's slot: round to next Tuesday
        assertThat(mask.slotsUntilSet(5 * 48 + 41)).isEqualTo(SlotCalendar.SLOTS_PER_WEEK - (5 * 48 + 41) + 66);
        assertThat(mask.slotsUntilSet(SlotCalendar.SLOTS_PER_WEEK - 1)).isEqualTo(67);
        assertThat(WeekMask.of(List.of()).slotsUntilSet(10)).isEqualTo(Integer.MAX_VALUE);
    }
}
