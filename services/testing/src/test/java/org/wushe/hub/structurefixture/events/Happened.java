package org.wushe.hub.structurefixture.events;

/** Stands in for an Avro event in the rules' own tests. */
public class Happened {
    public static Happened newBuilder() {
        return new Happened();
    }
}
