package io.openta.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Free TCP ports on the loopback interface. */
final class Ports {
    /**
     * Every port this JVM has handed out. A port is free when asked for, but its user binds it later (PostgreSQL
     * while it starts); the operating system may offer the same port to the next caller meanwhile. A golden case
     * once got its functions app the port its PostgreSQL was starting on, so a port is never handed out twice.
     */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final int TRIES = 100;

    private Ports() {
    }

    static int free() {
        for (int i = 0; i < TRIES; i++) {
            int port = unbound();
            if (GIVEN.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port not handed out before in " + TRIES + " tries");
    }

    private static int unbound() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Waits between polls of something starting up; an interrupt ends the wait with an error. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
