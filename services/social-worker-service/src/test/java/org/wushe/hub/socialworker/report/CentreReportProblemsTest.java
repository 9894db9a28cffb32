package org.wushe.hub.socialworker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wushe.hub.socialworker.support.ServiceScenario;

/**
 * Bad input to centre reports is a 4xx RFC 9457 problem naming the field, never a 500, for the JSON
 * report and for both downloads.
 */
class CentreReportProblemsTest extends ServiceScenario {

    private static KnownStation centre;
    private static KnownStation station;

    @BeforeEach
    void aCentreWithAStation() {
        if (centre == null) {
            centre = streetCentre();
            station = communityStation(centre.id());
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(
            delimiter = '|',
            value = {
                "to before from        | report      | from=2026-01-31&to=2026-01-01                  | 400 | to",
                "from malformed        | report      | from=2026-02-30&to=2026-03-31                  | 400 | from",
                "to malformed          | report      | from=2026-01-01&to=yesterday                   | 400 | to",
                "from missing          | report      | to=2026-01-31                                  | 400 | from",
                "to missing            | report      | from=2026-01-01                                | 400 | to",
                "from in the future    | report      | from=2999-01-01&to=2999-01-31                  | 400 | from",
                "over three years      | report      | from=2020-01-01&to=2023-01-02                  | 400 | to",
                "unknown preset        | report      | period=NEXT_MONTH                              | 400 | period",
                "preset and dates      | report      | period=THIS_MONTH&from=2026-01-01              | 400 | period",
                "preset lower case     | report      | period=this-month                              | 400 | period",
                "CSV to before from    | report.csv  | from=2026-01-31&to=2026-01-01                  | 400 | to",
                "CSV malformed from    | report.csv  | from=01/02/2026&to=2026-03-31                  | 400 | from",
                "XLSX over three years | report.xlsx | from=2020-01-01&to=2024-01-01                  | 400 | to",
                "XLSX unknown preset   | report.xlsx | period=LAST_WEEK                               | 400 | period",
            })
    void badPeriodsAreProblemsNamingTheField(String kase, String resource, String query, int status, String field) {
        assertProblem(kase, http().get("/centres/" + centre.id() + "/" + resource + "?" + query), status, field);
    }

    @Test
    void unknownCentresAreNotFoundAndAStationIsNoCentre() {
        String period = "?from=2026-01-01&to=2026-01-31";
        for (String resource : new String[] {"report", "report.csv", "report.xlsx"}) {
            assertProblem(
                    "unknown centre " + resource,
                    http().get("/centres/" + UUID.randomUUID() + "/" + resource + period),
                    404,
                    "centreId");
            assertProblem(
                    "a community station " + resource,
                    http().get("/centres/" + station.id() + "/" + resource + period),
                    404,
                    "centreId");
            assertProblem(
                    "not a UUID " + resource, http().get("/centres/centre-1/" + resource + period), 400, "centreId");
        }
    }

    @Test
    void threeYearsIsTheLongestPeriod() {
        LocalDate to = today();
        assertThat(http().get("/centres/" + centre.id() + "/report?from=" + to.minusYears(3) + "&to=" + to)
                        .status())
                .isEqualTo(200);
        assertProblem(
                "three years and a day",
                http().get("/centres/" + centre.id() + "/report?from="
                        + to.minusYears(3).minusDays(1) + "&to=" + to),
                400,
                "to");
    }
}
