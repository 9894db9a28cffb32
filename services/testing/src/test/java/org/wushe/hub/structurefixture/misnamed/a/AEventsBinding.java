package org.wushe.hub.structurefixture.misnamed.a;

import org.wushe.hub.structurefixture.platform.Inbox;

public class AEventsBinding {
    Object consumer(Inbox inbox) {
        return inbox.consumer("a");
    }
}
