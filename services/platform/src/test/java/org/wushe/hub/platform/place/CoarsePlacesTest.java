package org.wushe.hub.platform.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.events.common.Place;

/** The arithmetic of coarse places: geohash cells cut to 6 characters, centres rounded to 2 decimals. */
class CoarsePlacesTest {

    @ParameterizedTest
    @CsvSource({"wx4g8kzz, wx4g8k", "WX4G8K,   wx4g8k", "' wx4g ', wx4g", "wx4g8k,   wx4g8k", "w,        w"})
    void coarseLowerCasesStripsAndCutsToSixCharacters(String in, String out) {
        assertThat(Geohashes.coarse(in)).isEqualTo(out);
    }

    @Test
    void coarseOfBlankIsNullAndOfAMalformedHashThrows() {
        assertThat(Geohashes.coarse(null)).isNull();
        assertThat(Geohashes.coarse("  ")).isNull();
        assertThatThrownBy(() -> Geohashes.coarse("wx4a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohashes.coarse("wx4g8kzzzzzzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "wx4g8k, true",
        "WX4G, true",
        "'', true",
        "wx4a, false",
        "wx4i, false",
        "wx4l, false",
        "wx4o, false",
        "wx4g8kzzzzzz, true",
        "wx4g8kzzzzzzz, false"
    })
    void isValid(String in, boolean valid) {
        assertThat(Geohashes.isValid(in)).isEqualTo(valid);
        assertThat(Geohashes.isValid(null)).isTrue();
    }

    @Test
    void truncateCutsWithoutChangingCaseOrValidating() {
        assertThat(Geohashes.truncate(null)).isNull();
        assertThat(Geohashes.truncate("WX4G8KZZ")).isEqualTo("WX4G8K");
        assertThat(Geohashes.truncate("wx4")).isEqualTo("wx4");
        assertThat(Geohashes.truncate("aaaaaaa")).isEqualTo("aaaaaa");
    }

    @Test
    void centreOfACellIsRoundedToTwoDecimals() {
        assertThat(Geohashes.centre("wx4g8k")).containsExactly(40.01, 116.38);
        assertThat(Geohashes.centre("s")).containsExactly(22.5, 22.5);
        assertThat(Geohashes.centre("7zzzzz")).containsExactly(0.0, -0.01);
    }

    @ParameterizedTest
    @CsvSource({"39.884612, 39.88", "116.658876, 116.66", "0.125, 0.13", "-0.125, -0.12", "1.005, 1.0", "-90, -90.0"})
    void round2RoundsHalfUpOnTheBinaryValue(double in, double out) {
        assertThat(CoarsePlaces.round2(in)).isEqualTo(out);
    }

    @Test
    void placeCarriesTheCoarseCellAndItsCentre() {
        UUID community = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID grid = UUID.fromString("00000000-0000-0000-0000-000000000002");
        Place p = CoarsePlaces.of("110112", "110112104", community, grid, "WX4G8KZZ");
        assertThat(p.getDistrictCode()).isEqualTo("110112");
        assertThat(p.getStreetCode()).isEqualTo("110112104");
        assertThat(p.getCommunityId()).isEqualTo(community);
        assertThat(p.getGridId()).isEqualTo(grid);
        assertThat(p.getGeohash()).isEqualTo("wx4g8k");
        assertThat(p.getLatitude()).isEqualTo(40.01);
        assertThat(p.getLongitude()).isEqualTo(116.38);
    }

    @Test
    void placeWithoutAGeohashHasNoCellNorCoordinates() {
        Place p = CoarsePlaces.of("110112", null, null, null, " ");
        assertThat(p.getGeohash()).isNull();
        assertThat(p.getLatitude()).isNull();
        assertThat(p.getLongitude()).isNull();
        assertThat(p.getGridId()).isNull();
        assertThat(p).isEqualTo(Place.newBuilder().setDistrictCode("110112").build());
    }

    @ParameterizedTest
    @CsvSource({"57.64911,  10.40744, 11, u4pruydqqvj", "-25.382708, -49.265506, 8, 6gkzwgjz", "0, 0, 1, s"})
    void encodeGivesTheWellKnownHashes(double lat, double lon, int precision, String hash) {
        assertThat(Geohashes.encode(lat, lon, precision)).isEqualTo(hash);
    }

    @Test
    void encodeThenCentreComesBackToThePointWithinACell() {
        for (double[] p : new double[][] {{40.2012, 116.3311}, {-33.8688, 151.2093}, {0.001, -0.001}}) {
            String cell = Geohashes.encode(p[0], p[1], Geohashes.MAX_LENGTH);
            assertThat(cell).hasSize(6).matches(Geohashes::isValid);
            double[] centre = Geohashes.centre(cell);
            assertThat(centre[0]).isCloseTo(p[0], org.assertj.core.data.Offset.offset(0.011));
            assertThat(centre[1]).isCloseTo(p[1], org.assertj.core.data.Offset.offset(0.011));
        }
        assertThatThrownBy(() -> Geohashes.encode(91, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohashes.encode(0, 0, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
