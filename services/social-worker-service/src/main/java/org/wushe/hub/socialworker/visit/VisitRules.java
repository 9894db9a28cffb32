package org.wushe.hub.socialworker.visit;

import java.time.Duration;
import java.time.Instant;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * A visit is recorded after it happened; NEED_FOUND and a described need go together; a raised need
 * follows the community service's rules for needs (a window ending after it starts and in the future,
 * at most 366 days long, goods with a quantity), so that it can be published as it is.
 */
public final class VisitRules {

    public static final Duration MAX_WINDOW = Duration.ofDays(366);

    private VisitRules() {}

    public static void requireVisit(Instant visitedAt, VisitOutcome outcome, boolean needDescribed, Instant now) {
        if (visitedAt.isAfter(now.plus(org.wushe.hub.platform.core.Calendar.CLOCK_SKEW))) {
            throw new InvalidInputException("visitedAt", Messages.text("visit.in-future"));
        }
        if (needDescribed && outcome != VisitOutcome.NEED_FOUND) {
            throw new InvalidInputException("outcome", Messages.text("visit.need-found-outcome"));
        }
        if (!needDescribed && outcome == VisitOutcome.NEED_FOUND) {
            throw new InvalidInputException("raisedNeed", Messages.text("visit.describe-need"));
        }
    }

    public static void requireNeed(Visit.RaisedNeed n, Instant now) {
        if (!n.end().isAfter(n.start())) {
            throw new InvalidInputException("raisedNeed.end", Messages.text("visit.end-before-start"));
        }
        if (!n.end().isAfter(now)) {
            throw new InvalidInputException("raisedNeed.end", Messages.text("visit.end-past"));
        }
        if (Duration.between(n.start(), n.end()).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("raisedNeed.end", Messages.text("visit.window-too-long"));
        }
        if (n.category() == Category.DAILY_GOODS && n.quantityAmount() == null) {
            throw new InvalidInputException("raisedNeed.quantity", Messages.text("visit.goods-quantity"));
        }
    }
}
