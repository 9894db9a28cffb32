package org.wushe.hub.platform.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeohashTest {

    @Test
    void aPointIsInTheCellOfTheKnownHash() {
        assertThat(Geohash.encode(42.605, -5.603, 5)).isEqualTo("ezs42");
        assertThat(Geohash.encode(39.9087, 116.3975, 6)).isEqualTo("wx4g09"); // Tiananmen
        assertThat(Geohash.encode(39.9087, 116.3975, 12)).startsWith("wx4g09");
    }

    @Test
    void aCellDecodesToItsCentreInAnyCase() {
        assertThat(Geohash.decode("ezs42")).containsExactly(42.60498046875, -5.60302734375);
        double[] tiananmen = Geohash.decode(" WX4G09 ");
        assertThat(tiananmen[0]).isCloseTo(39.9087, within(0.003));
        assertThat(tiananmen[1]).isCloseTo(116.3975, within(0.006));
        assertThat(Geohash.encode(tiananmen[0], tiananmen[1], 6)).isEqualTo("wx4g09");
    }

    @Test
    void whatIsNoCellOrNoPointIsRefused() {
        assertThatThrownBy(() -> Geohash.decode("wx4ga!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a'");
        assertThatThrownBy(() -> Geohash.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohash.decode("0123456789bcd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohash.encode(91, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohash.encode(Double.NaN, 0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Geohash.encode(0, 0, 13)).isInstanceOf(IllegalArgumentException.class);
    }
}
