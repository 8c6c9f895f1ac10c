package io.openta.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrackTest {
    @Test
    void knownTracksParseInAnyCase() {
        assertEquals(Track.STABLE, Track.parse("stable"));
        assertEquals(Track.CANARY, Track.parse("Canary"));
        assertEquals("canary", Track.CANARY.id());
        assertEquals(Track.STABLE, Track.parse(""), "no label (downward API gives an empty value): stable");
    }

    @Test
    void anUnknownTrackIsNamedInOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Track.parse("beta"));
        assertEquals("track 'beta' is not one of stable, canary (openta.track, env OPENTA_TRACK, serve --track)",
                e.getMessage());
    }
}
