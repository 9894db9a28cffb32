package org.wushe.hub.structurefixture.reach.b;

import org.wushe.hub.structurefixture.reach.a.ARepository;

public class BService {
    Object run(ARepository rows) {
        return rows.find();
    }
}
