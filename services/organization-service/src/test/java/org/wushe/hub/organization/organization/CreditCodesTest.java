package org.wushe.hub.organization.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreditCodesTest {

    @Test
    void theCheckCharacterIsWeightedByPowersOfThreeModulo31() {
        // 0-9 and A-Y without I, O, S, V, Z are worth 0..30; weights 1, 3, 9, 27, 19, 26, ... (3^i mod 31).
        // "1" then sixteen "0": 1 x 1 = 1, check = 31 - 1 = 30 = 'Y'.
        assertThat(CreditCodes.checkCharacter("10000000000000000")).isEqualTo('Y');
        // All zeros: sum 0, check 0.
        assertThat(CreditCodes.checkCharacter("00000000000000000")).isEqualTo('0');
        // "01": 1 x 3 = 3, check 28 = 'W'.
        assertThat(CreditCodes.checkCharacter("01000000000000000")).isEqualTo('W');
    }

    @Test
    void aCodeIsValidWithItsCheckCharacterOnly() {
        String first17 = "52110112MJ0123456";
        String code = first17 + CreditCodes.checkCharacter(first17);
        assertThat(CreditCodes.isValid(code)).isTrue();
        assertThat(CreditCodes.isValid(first17 + (code.charAt(17) == 'A' ? 'B' : 'A')))
                .isFalse();
        assertThat(CreditCodes.isValid("52110112MJ012345")).isFalse();
        assertThat(CreditCodes.isValid("52110112IJ0123456" + "0")).isFalse(); // I is not a code character
        assertThat(CreditCodes.isValid(null)).isFalse();
        assertThatThrownBy(() -> CreditCodes.checkCharacter("5211")).isInstanceOf(IllegalArgumentException.class);
    }
}
