package io.openta.model.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrafficTest {
    @Test
    void absentOrBlankIsProduction() {
        assertEquals(Traffic.PRODUCTION, Traffic.parse(null));
        assertEquals(Traffic.PRODUCTION, Traffic.parse(" "));
        assertEquals(Traffic.PRODUCTION, Traffic.orProduction(null));
        assertEquals(Traffic.SHADOW, Traffic.orProduction(Traffic.SHADOW));
    }

    @Test
    void parsesEitherCase() {
        assertEquals(Traffic.SHADOW, Traffic.parse("shadow"));
        assertEquals(Traffic.SHADOW, Traffic.parse("SHADOW"));
        assertEquals(Traffic.PRODUCTION, Traffic.parse("Production"));
    }

    @Test
    void refusesAnUnknownMark() {
        var e = assertThrows(IllegalArgumentException.class, () -> Traffic.parse("stress"));
        assertTrue(e.getMessage().contains("'stress'"), e.getMessage());
    }

    @Test
    void theOldConstructorsBuildProductionMessages() {
        assertEquals(Traffic.PRODUCTION, new DayCommand(DayCommand.START, "20240102", "/in", "/out", "r1").traffic());
        assertEquals(Traffic.PRODUCTION, new DayEvent(DayEvent.DAY_COMPLETED, "20240102", "", 3, 0, 10, "ok", "r1")
                .traffic());
        assertEquals(Traffic.PRODUCTION, new DayCommand(DayCommand.START, "20240102", "/in", "/out", "r1", (Traffic) null)
                .traffic());
        assertEquals(Traffic.SHADOW, new DayEvent(DayEvent.DAY_COMPLETED, "20240102", "", 3, 0, 10, "ok", "r1",
                Traffic.SHADOW).traffic());
    }
}
