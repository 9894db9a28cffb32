package org.wushe.hub.structurefixture.inline.a;

import org.wushe.hub.structurefixture.events.Happened;

public class AService {
    Object publish() {
        return Happened.newBuilder();
    }
}
