package org.wushe.hub.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails fast, with a clear message, when a port the stack needs is taken by another program. */
final class Ports {

    private Ports() {}

    static void requireFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1, wanted by " + what
                    + ", is in use by another program; stop it or choose another port (see deploy/local/start --help)");
        }
    }
}
