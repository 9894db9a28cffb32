package org.wushe.hub.volunteer.volunteer.registration;

/** How the guardian who consents is related to the minor volunteer (监护关系). */
public enum GuardianRelationship {
    /** 父母 a parent. */
    PARENT,
    /** 祖父母、外祖父母 a grandparent. */
    GRANDPARENT,
    /** 兄、姐 an adult brother or sister. */
    SIBLING,
    /** 其他监护人 another guardian (appointed, or by the residents' committee). */
    OTHER_GUARDIAN
}
