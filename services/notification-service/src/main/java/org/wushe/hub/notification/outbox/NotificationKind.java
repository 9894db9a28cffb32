package org.wushe.hub.notification.outbox;

/**
 * What a notification is about; each person chooses per kind and channel what reaches them. The title is
 * {@code notification.<KIND>.title} of the catalogue.
 */
public enum NotificationKind {
    /** A new assignment (新的服务任务): a match the volunteer is on was accepted. */
    ASSIGNMENT,
    /** A sign-up decision (报名结果): approved, rejected, or moved up from the waiting list. */
    SIGN_UP_DECISION,
    /** The day before (活动提醒): an activity the volunteer signed up for starts within a day. */
    ACTIVITY_REMINDER,
    /** A certificate ready (证明已开具): a service record certificate was issued to the volunteer. */
    CERTIFICATE_READY,
    /** A proposal about to pass its deadline (建议即将过期): for the station that decides it. */
    PROPOSAL_DEADLINE;

    public String titleCode() {
        return "notification." + name() + ".title";
    }
}
