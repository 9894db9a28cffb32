package org.wushe.hub.community.wish;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.resident.ResidentService;

/**
 * When a resident's personal data is erased (PIPL), their own words go with it, in the erasure's transaction: their
 * wishes' titles and descriptions and their ratings' comments. What the staff wrote (a decline's reason, a follow-up's
 * outcome), the stars, and the needs already published (their titles were public and screened) stay.
 */
@Component
class WishErasure {

    private final WishRepository wishes;

    WishErasure(WishRepository wishes) {
        this.wishes = wishes;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void erased(ResidentService.Erased e) {
        wishes.eraseWordsOf(e.residentId());
    }
}
