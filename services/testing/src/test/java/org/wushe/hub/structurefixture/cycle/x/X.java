package org.wushe.hub.structurefixture.cycle.x;

import org.wushe.hub.structurefixture.cycle.y.Y;

public class X {
    public Y y;
}
