package org.wushe.hub.structurefixture.good.a;

import org.wushe.hub.structurefixture.events.Happened;

final class AEvents {
    static Happened happened() {
        return Happened.newBuilder();
    }
}
