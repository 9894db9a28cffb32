package org.wushe.hub.structurefixture.platform;

/** Stands in for the platform's InboundEvents in the rules' own tests. */
public class Inbox {
    public Object consumer(String name) {
        return name;
    }
}
