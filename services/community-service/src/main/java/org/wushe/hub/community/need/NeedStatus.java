package org.wushe.hub.community.need;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a need: published → matched → accepted → in service → fulfilled, or cancelled / expired.
 * A proposal that is declined, or a helper who withdraws, puts the need back to published.
 * 已发布 → 已匹配 → 已接单 → 服务中 → 已完成 (或 已取消 / 已过期).
 */
public enum NeedStatus {
    PUBLISHED,
    MATCHED,
    ACCEPTED,
    IN_SERVICE,
    FULFILLED,
    CANCELLED,
    EXPIRED;

    public boolean isClosed() {
        return this == FULFILLED || this == CANCELLED || this == EXPIRED;
    }

    /** Staff may edit what a need asks for until someone has taken it on. */
    public boolean isEditable() {
        return this == PUBLISHED || this == MATCHED;
    }

    /** Needs in these states expire when their time window has passed unmet. */
    public boolean canExpire() {
        return next().contains(EXPIRED);
    }

    public Set<NeedStatus> next() {
        return switch (this) {
            case PUBLISHED -> EnumSet.of(MATCHED, CANCELLED, EXPIRED);
            case MATCHED -> EnumSet.of(ACCEPTED, PUBLISHED, CANCELLED, EXPIRED);
            case ACCEPTED -> EnumSet.of(IN_SERVICE, PUBLISHED, CANCELLED, EXPIRED);
            case IN_SERVICE -> EnumSet.of(FULFILLED, CANCELLED);
            case FULFILLED, CANCELLED, EXPIRED -> EnumSet.noneOf(NeedStatus.class);
        };
    }

    public boolean canMoveTo(NeedStatus to) {
        return next().contains(to);
    }
}
