package org.wushe.hub.community.resident;

/**
 * What a resident's record says about them (sensitive: health and income status), kept encrypted.
 * ELDERLY_ALONE 独居老人; VERY_OLD 高龄老人; CHILDLESS_ELDERLY 孤寡老人; DISABLED 残疾人;
 * CHILD_IN_HARDSHIP 困境儿童; LOW_INCOME 低保/低收入; NEWCOMER 新市民; FOREIGN_RESIDENT 外籍居民.
 */
public enum BeneficiaryFlag {
    ELDERLY_ALONE,
    VERY_OLD,
    CHILDLESS_ELDERLY,
    DISABLED,
    CHILD_IN_HARDSHIP,
    LOW_INCOME,
    NEWCOMER,
    FOREIGN_RESIDENT
}
