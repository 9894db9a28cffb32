package org.wushe.hub.structurefixture.good.a;

import org.springframework.stereotype.Service;

@Service
public class AService {
    private final ARepository rows;

    public AService(ARepository rows) {
        this.rows = rows;
    }

    public Object publish() {
        return AEvents.happened() + rows.toString();
    }
}
