package io.openta.runtime.db.shadow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Stress traffic (issue 12), OPENTA_SHADOW_ENABLED. Off unless set: see {@link TrafficGuard} for what it turns on. */
@ConfigMapping(prefix = "openta.shadow")
public interface ShadowConfig {
    /**
     * True: the scheduler creates and migrates the shadow schemas at start, and every transaction of the data layer
     * runs under its traffic's role. False: shadow-marked work is refused, and production runs as before.
     */
    @WithDefault("false")
    boolean enabled();
}
