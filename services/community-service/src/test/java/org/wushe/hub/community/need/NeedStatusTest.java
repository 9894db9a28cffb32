package org.wushe.hub.community.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.hub.community.need.NeedStatus.ACCEPTED;
import static org.wushe.hub.community.need.NeedStatus.CANCELLED;
import static org.wushe.hub.community.need.NeedStatus.EXPIRED;
import static org.wushe.hub.community.need.NeedStatus.FULFILLED;
import static org.wushe.hub.community.need.NeedStatus.IN_SERVICE;
import static org.wushe.hub.community.need.NeedStatus.MATCHED;
import static org.wushe.hub.community.need.NeedStatus.PUBLISHED;

import org.junit.jupiter.api.Test;

class NeedStatusTest {

    @Test
    void theHappyPathGoesStepByStep() {
        assertThat(PUBLISHED.canMoveTo(MATCHED)).isTrue();
        assertThat(MATCHED.canMoveTo(ACCEPTED)).isTrue();
        assertThat(ACCEPTED.canMoveTo(IN_SERVICE)).isTrue();
        assertThat(IN_SERVICE.canMoveTo(FULFILLED)).isTrue();
    }

    @Test
    void stepsCannotBeSkipped() {
        assertThat(PUBLISHED.canMoveTo(ACCEPTED)).isFalse();
        assertThat(PUBLISHED.canMoveTo(FULFILLED)).isFalse();
        assertThat(MATCHED.canMoveTo(IN_SERVICE)).isFalse();
        assertThat(ACCEPTED.canMoveTo(FULFILLED)).isFalse();
    }

    @Test
    void aDeclinedProposalOrAWithdrawnHelperReturnsTheNeedToPublished() {
        assertThat(MATCHED.canMoveTo(PUBLISHED)).isTrue();
        assertThat(ACCEPTED.canMoveTo(PUBLISHED)).isTrue();
        assertThat(IN_SERVICE.canMoveTo(PUBLISHED)).isFalse();
    }

    @Test
    void openNeedsCanBeCancelledAndExpireUnlessServiceHasBegun() {
        for (NeedStatus s : new NeedStatus[] {PUBLISHED, MATCHED, ACCEPTED, IN_SERVICE}) {
            assertThat(s.canMoveTo(CANCELLED)).as(s.name()).isTrue();
        }
        assertThat(PUBLISHED.canExpire()).isTrue();
        assertThat(ACCEPTED.canExpire()).isTrue();
        assertThat(IN_SERVICE.canExpire()).isFalse();
    }

    @Test
    void closedNeedsStayClosedAndOnlyUntakenNeedsAreEditable() {
        for (NeedStatus s : new NeedStatus[] {FULFILLED, CANCELLED, EXPIRED}) {
            assertThat(s.isClosed()).isTrue();
            assertThat(s.next()).isEmpty();
            assertThat(s.isEditable()).isFalse();
        }
        assertThat(PUBLISHED.isEditable()).isTrue();
        assertThat(MATCHED.isEditable()).isTrue();
        assertThat(ACCEPTED.isEditable()).isFalse();
    }
}
