package org.wushe.hub.structurefixture.good.a;

import org.springframework.stereotype.Repository;

@Repository
public class ARepository {}
