package org.wushe.hub.structurefixture.good.b;

import org.springframework.stereotype.Service;
import org.wushe.hub.structurefixture.good.a.AService;

@Service
public class BService {
    private final AService a;

    public BService(AService a) {
        this.a = a;
    }

    public Object run() {
        return a.publish();
    }
}
