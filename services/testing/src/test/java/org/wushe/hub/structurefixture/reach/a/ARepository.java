package org.wushe.hub.structurefixture.reach.a;

public class ARepository {
    public Object find() {
        return "row";
    }
}
