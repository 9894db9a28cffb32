package org.wushe.hub.volunteer.points;

/** Why points moved. */
public enum TransactionKind {
    /** Earned by service: issuance → volunteer. */
    AWARD,
    /** Spent on a reward: account → redemption. */
    REDEMPTION,
    /** Given away (time bank 时间银行): giver → recipient. */
    GIFT,
    /** Not spent in time: account → expiry. */
    EXPIRY
}
