package io.openta.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ZoneCheckTest {
    private static OpenTaConfig.Zones zones(String primary, int share) {
        return new OpenTaConfig.Zones() {
            @Override
            public List<String> known() {
                return List.of("a", "b");
            }

            @Override
            public String primary() {
                return primary;
            }

            @Override
            public int primaryShare() {
                return share;
            }
        };
    }

    @Test
    void knownZonesAndAShareWithinRangeStart() {
        assertNull(ZoneCheck.problem("a", zones("a", 80)));
        assertNull(ZoneCheck.problem("b", zones("a", 0)));
        assertNull(ZoneCheck.problem("b", zones("b", 100)));
    }

    @Test
    void eachBadSettingIsNamedInOneLine() {
        assertEquals("zone 'c' is not one of the known zones a, b (openta.zone, env OPENTA_ZONE, serve --zone)",
                ZoneCheck.problem("c", zones("a", 80)));
        assertEquals("primary zone 'x' is not one of the known zones a, b (openta.zones.primary)",
                ZoneCheck.problem("a", zones("x", 80)));
        assertEquals("the primary zone's share 101 is outside 0-100 % (openta.zones.primary-share, env "
                + "OPENTA_ZONES_PRIMARY_SHARE)", ZoneCheck.problem("a", zones("a", 101)));
        assertEquals("the primary zone's share -5 is outside 0-100 % (openta.zones.primary-share, env "
                + "OPENTA_ZONES_PRIMARY_SHARE)", ZoneCheck.problem("b", zones("a", -5)));
    }
}
