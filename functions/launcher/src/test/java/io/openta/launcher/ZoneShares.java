package io.openta.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The zone shares under the defaults (8 shards on 8 partitions per task topic, zone a primary with 80 %): the
 * zone-share assignor gives zone a round(8 * 80 / 100) = 6 partitions of each task topic, the lowest (0-5), and zone
 * b the other 2 (6, 7); a task's partition is its shard modulo 8.
 */
final class ZoneShares {
    static final int PARTITIONS = 8;
    static final int TOPICS = 8;
    static final Set<Integer> ZONE_A = Set.of(0, 1, 2, 3, 4, 5);
    static final Set<Integer> ZONE_B = Set.of(6, 7);

    private ZoneShares() {
    }

    /** Waits until both zones' apps hold their share: 2 and 6 partitions of each of the 8 task topics. */
    static void awaitSplit(SharedInfra infra) throws InterruptedException {
        TaskGroup.awaitHeld(infra.kafka(), TaskGroup.ALL_IN_ONE, List.of(ZONE_B.size() * TOPICS, ZONE_A.size()
                * TOPICS), Duration.ofSeconds(90));
    }

    /**
     * Every task of the day since {@code mark} ran in the zone the split gives its partition; returns (and prints)
     * the per-zone counts, overall and for the steps that had all 8 shards.
     */
    static String assertShares(SharedInfra infra, String date, long mark, String when) throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> perZone = new TreeMap<>();
        Map<String, Map<String, Integer>> perStep = new TreeMap<>();
        try (Connection db = infra.jdbc(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT stage, step, shard, zone FROM sched.task_execution WHERE id > " + mark + " AND biz_date = '"
                        + date + "' ORDER BY stage, step, shard")) {
            while (rs.next()) {
                int partition = rs.getInt("shard") % PARTITIONS;
                String expected = ZONE_A.contains(partition) ? "a" : "b";
                String step = rs.getString("stage") + "/" + rs.getString("step");
                String z = rs.getString("zone");
                if (!expected.equals(z)) {
                    wrong.add(step + " shard " + rs.getInt("shard") + " ran in zone " + z + ", not " + expected);
                }
                perZone.merge(z, 1, Integer::sum);
                perStep.computeIfAbsent(step, k -> new TreeMap<>()).merge(z, 1, Integer::sum);
            }
        }
        long fullSteps = perStep.values().stream().filter(m -> m.values().stream().mapToInt(i -> i).sum()
                == PARTITIONS).count();
        String line = String.format("FIGURE zone-share day %s (%s): tasks per zone %s; %d steps of 8 shards, each "
                + "split %s", date, when, perZone, fullSteps, perStep.values().stream().filter(m -> m.values()
                        .stream().mapToInt(i -> i).sum() == PARTITIONS).map(Object::toString).distinct()
                        .collect(Collectors.joining(" ")));
        System.out.println(line);
        assertTrue(wrong.isEmpty(), "tasks outside their zone's share:\n  " + String.join("\n  ", wrong));
        assertTrue(fullSteps > 0 && perZone.getOrDefault("a", 0) > 0 && perZone.getOrDefault("b", 0) > 0, line);
        return line;
    }
}
