package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {
    /** A port handed out and not yet bound by its user must not be handed out again (see {@link Ports}). */
    @Test
    void neverHandsOutAPortTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ports.add(Ports.free());
        }
        assertEquals(2000, ports.size());
    }
}
