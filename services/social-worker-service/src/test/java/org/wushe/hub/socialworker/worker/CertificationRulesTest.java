package org.wushe.hub.socialworker.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.platform.web.InvalidInputException;

class CertificationRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void certifiedMeansAssistantOrAboveAndSupervisorsHoldIntermediateOrAbove() {
        assertThat(CertificationRules.isCertified(CertificationLevel.NONE)).isFalse();
        assertThat(CertificationRules.isCertified(CertificationLevel.UNKNOWN)).isFalse();
        assertThat(CertificationRules.isCertified(CertificationLevel.ASSISTANT)).isTrue();
        assertThat(CertificationRules.maySupervise(CertificationLevel.ASSISTANT))
                .isFalse();
        assertThat(CertificationRules.maySupervise(CertificationLevel.INTERMEDIATE))
                .isTrue();
        assertThat(CertificationRules.maySupervise(CertificationLevel.SENIOR)).isTrue();
    }

    @Test
    void aCertificateAtRegistrationHasADateAndNoCertificateHasNone() {
        assertThatCode(() -> CertificationRules.requireRegistration(CertificationLevel.NONE, null, TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> CertificationRules.requireRegistration(
                        CertificationLevel.ASSISTANT, LocalDate.of(2008, 6, 1), TODAY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> CertificationRules.requireRegistration(CertificationLevel.NONE, TODAY, TODAY))
                .hasMessageContaining("no certificate date");
        assertThatThrownBy(() -> CertificationRules.requireRegistration(CertificationLevel.ASSISTANT, null, TODAY))
                .hasMessageContaining("required");
        assertThatThrownBy(() -> CertificationRules.requireRegistration(
                        CertificationLevel.ASSISTANT, LocalDate.of(2007, 12, 31), TODAY))
                .hasMessageContaining("2008");
        assertThatThrownBy(() ->
                        CertificationRules.requireRegistration(CertificationLevel.ASSISTANT, TODAY.plusDays(1), TODAY))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("certifiedOn"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"NONE, ASSISTANT", "NONE, INTERMEDIATE", "ASSISTANT, INTERMEDIATE", "INTERMEDIATE, SENIOR"})
    void aWorkerMovesUp(CertificationLevel held, CertificationLevel level) {
        assertThatCode(() -> CertificationRules.requireUpgrade(held, LocalDate.of(2019, 1, 1), level, TODAY, TODAY))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({"ASSISTANT, ASSISTANT, 409", "SENIOR, INTERMEDIATE, 409", "ASSISTANT, NONE, 400", "NONE, UNKNOWN, 400"})
    void notDownOrSidewaysAndOnlyToACertificate(CertificationLevel held, CertificationLevel level, int status) {
        assertThatThrownBy(() -> CertificationRules.requireUpgrade(held, null, level, TODAY, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("level");
                    assertThat(e.status()).isEqualTo(status);
                });
    }

    @Test
    void aNewCertificateIsDatedOnOrAfterTheOneHeld() {
        assertThatThrownBy(() -> CertificationRules.requireUpgrade(
                        CertificationLevel.ASSISTANT,
                        LocalDate.of(2022, 5, 1),
                        CertificationLevel.INTERMEDIATE,
                        LocalDate.of(2022, 4, 30),
                        TODAY))
                .hasMessageContaining("2022-05-01");
    }
}
