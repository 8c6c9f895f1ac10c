package io.openta.k8s;

import java.util.List;

/** Facts about the OpenTA functions the chart must match. */
final class OpenTa {

    static final List<String> STAGES = List.of("day-init", "file-import", "clearing", "profit", "share-adjust",
            "export", "secondary-clearing", "profit-export");
    static final String SCHEDULER = "scheduler";
    static final List<String> FUNCTIONS = List.of("day-init", "file-import", "clearing", "profit", "share-adjust",
            "export", "secondary-clearing", "profit-export", "scheduler");
    static final int PARTITIONS = 8;
    static final List<String> PHASES = List.of("beta", "group", "gray", "full");

    private OpenTa() {
    }

    static String topic(String stage) {
        return "openta." + stage + ".tasks";
    }

    static String group(String function) {
        return "openta-" + function;
    }

    static String topologyZone(String zone) {
        return "zone-" + zone;
    }
}
