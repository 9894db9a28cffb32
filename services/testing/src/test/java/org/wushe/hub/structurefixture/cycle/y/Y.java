package org.wushe.hub.structurefixture.cycle.y;

import org.wushe.hub.structurefixture.cycle.x.X;

public class Y {
    public X x;
}
