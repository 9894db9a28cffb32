package org.wushe.hub.socialworker.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Certified workers among all workers (持证率), as stations publish it: a percentage with at most two
 * decimals, rounded half up (9 of 25 is 36%, 1,032 of 1,614 is 63.94%, 19 of 21 is 90.48%). No workers,
 * no rate.
 */
public record CertificationRate(int certified, int total) {

    public CertificationRate {
        if (certified < 0 || total < 0 || certified > total) {
            throw new IllegalArgumentException("certified " + certified + " of " + total);
        }
    }

    /** The percentage with two decimals, or null when there are no workers. */
    public BigDecimal percent() {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(certified)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** As printed in a report: "36%", "63.94%", "50.5%"; "-" without workers. */
    public String text() {
        BigDecimal p = percent();
        return p == null ? "-" : p.stripTrailingZeros().toPlainString() + "%";
    }
}
