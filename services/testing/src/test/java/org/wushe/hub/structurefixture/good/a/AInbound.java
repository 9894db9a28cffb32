package org.wushe.hub.structurefixture.good.a;

import org.wushe.hub.structurefixture.platform.Inbox;

public class AInbound {
    Object consumer(Inbox inbox) {
        return inbox.consumer("a");
    }
}
