package org.wushe.hub.bench.e2e;

import org.wushe.hub.testing.TestTokens;

/**
 * The benchmark's callers sign their requests like every client: one hub_admin token from the test signer,
 * which the services it starts trust (TestStack, ServiceProcess). Made once, so signing costs nothing per request.
 */
final class BenchToken {

    static final String TOKEN = TestTokens.admin("bench-e2e");

    private BenchToken() {}
}
