package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.platform.web.InvalidInputException;

/** The certification rate as stations print it, and report periods as whole days in Asia/Shanghai. */
class ReportArithmeticTest {

    @ParameterizedTest(name = "{0} of {1} = {2} ({3})")
    @CsvSource({
        "9,    25,   36.00, 36%", // one district
        "1032, 1614, 63.94, 63.94%", // another, after growing from 696 to 1,032 holders
        "19,   21,   90.48, 90.48%", // one community
        "696,  1614, 43.12, 43.12%",
        "1,    3,    33.33, 33.33%", // 33.333… rounds down
        "2,    3,    66.67, 66.67%", // 66.666… rounds up
        "1,    8,    12.50, 12.5%", // 12.5 exactly: no trailing zero
        "1,    200,  0.50,  0.5%",
        "1,    400,  0.25,  0.25%",
        "1,    800,  0.13,  0.13%", // 0.125 rounds half up
        "0,    7,    0.00,  0%",
        "7,    7,    100.00, 100%",
    })
    void theRateIsAPercentageWithTwoDecimalsRoundedHalfUp(int certified, int total, String percent, String text) {
        CertificationRate rate = new CertificationRate(certified, total);
        assertThat(rate.percent()).isEqualByComparingTo(percent);
        assertThat(rate.percent().scale()).isEqualTo(2);
        assertThat(rate.text()).isEqualTo(text);
    }

    @Test
    void noWorkersIsNoRateAndImpossibleCountsAreRefused() {
        assertThat(new CertificationRate(0, 0).percent()).isNull();
        assertThat(new CertificationRate(0, 0).text()).isEqualTo("-");
        assertThatThrownBy(() -> new CertificationRate(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificationRate(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodIsWholeDaysFromMidnightInShanghaiToTheMidnightAfterItsLastDay() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        ReportPeriod june = ReportPeriod.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), today);
        assertThat(june.start())
                .isEqualTo(LocalDate.of(2026, 6, 1)
                        .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        assertThat(june.start().toString()).isEqualTo("2026-05-31T16:00:00Z");
        assertThat(june.end().toString()).isEqualTo("2026-06-30T16:00:00Z");
        assertThat(ReportPeriod.of(today, today, today).end().toString()).isEqualTo("2026-07-15T16:00:00Z");
    }

    @Test
    void aPeriodEndsOnOrAfterItsStartBeginsByTodayAndSpansAtMostFiveYears() {
        LocalDate today = LocalDate.of(2026, 7, 15);
        assertThatThrownBy(() -> ReportPeriod.of(today, today.minusDays(1), today))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> ReportPeriod.of(today.plusDays(1), today.plusDays(30), today))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> ReportPeriod.of(today.minusYears(6), today, today))
                .isInstanceOfSatisfying(
                        InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThat(ReportPeriod.of(today.minusYears(5), today, today).from()).isEqualTo(today.minusYears(5));
    }
}
