package org.wushe.hub.volunteer.points;

import java.util.UUID;

/**
 * The hub's own accounts, the other side of every entry that does not move points between people:
 * points come from issuance, and go to redemption (spent at a caring shop) or expiry. Their balances
 * are the negated total issued, the total redeemed and the total expired.
 */
public final class SystemAccounts {

    public static final UUID ISSUANCE = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID REDEMPTION = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    public static final UUID EXPIRY = UUID.fromString("00000000-0000-0000-0000-00000000a003");

    private SystemAccounts() {}

    public static boolean isSystem(UUID account) {
        return ISSUANCE.equals(account) || REDEMPTION.equals(account) || EXPIRY.equals(account);
    }
}
