package org.wushe.hub.structurefixture.good.b;

public enum BKind {
    ONE
}
