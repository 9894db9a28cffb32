package org.wushe.hub.organization.incubation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.platform.web.InvalidInputException;

class IncubationRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SPROUTING, START_UP", "START_UP, GROWING", "GROWING, MATURE"})
    void anOrganizationMovesToTheNextStage(IncubationStage from, IncubationStage to) {
        assertThatCode(() -> IncubationRules.requireNextStage(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "SPROUTING, GROWING,   409, skips START_UP",
        "SPROUTING, MATURE,    409, 跳过了 START_UP、GROWING",
        "GROWING,   START_UP,  409, step back",
        "MATURE,    SPROUTING, 409, step back",
        "START_UP,  START_UP,  409, already START_UP",
        "START_UP,  UNKNOWN,   400, must be one of",
    })
    void skippingGoingBackStandingStillOrUnknownIsRefusedNamingTheStage(
            IncubationStage from, IncubationStage to, int status, String reason) {
        assertThatThrownBy(() -> IncubationRules.requireNextStage(from, to))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("stage");
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.getMessage()).contains(reason);
                });
    }

    @Test
    void onlyAMatureOrganizationLeadsOthersAndAHubWithIncubateesKeepsItsRole() {
        assertThat(IncubationRules.ORDER)
                .extracting(Enum::name)
                .containsExactly("SPROUTING", "START_UP", "GROWING", "MATURE");
        assertThatCode(() -> IncubationRules.requireHubMayBe(IncubationStage.MATURE, true, 409))
                .doesNotThrowAnyException();
        assertThatCode(() -> IncubationRules.requireHubMayBe(IncubationStage.SPROUTING, false, 409))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> IncubationRules.requireHubMayBe(IncubationStage.GROWING, true, 409))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("hub"));
        assertThatCode(() -> IncubationRules.requireMayStopLeading(0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> IncubationRules.requireMayStopLeading(3)).hasMessageContaining("still incubates 3");
    }
}
