package io.openta.model.zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one topic's partitions are split between the zones: while both the primary zone and another zone have live
 * members, the primary zone's members get {@code round(partitions * share / 100)} partitions (half up) - the lowest
 * numbers, so the small steps whose only tasks are shard 0, 1, ... run in the primary zone - and the other zones'
 * members the rest; when one side has no member, the other takes every partition. Within a side, partitions go
 * round-robin over the members sorted by their stable id, so the same members get the same partitions every time.
 */
public record ZoneSplit(String primary, int share) {
    public ZoneSplit {
        if (primary == null || primary.isBlank()) {
            throw new IllegalArgumentException("no primary zone given (openta.zones.primary)");
        }
        if (share < 0 || share > 100) {
            throw new IllegalArgumentException("the primary zone's share " + share
                    + " is outside 0-100 % (openta.zones.primary-share, env OPENTA_ZONES_PRIMARY_SHARE)");
        }
    }

    /** A consumer of the topic: {@code id} as the group knows it, {@code stableId} survives restarts. */
    public record Member(String id, String stableId, String zone) {
    }

    /** How many of {@code partitions} the primary zone's members get, given which sides have live members. */
    public int primaryCount(int partitions, boolean primaryLive, boolean othersLive) {
        if (!primaryLive) {
            return 0;
        }
        if (!othersLive) {
            return partitions;
        }
        return (partitions * share * 2 + 100) / 200;
    }

    /** The partitions of a topic with {@code partitions} partitions for each member (every member has a list). */
    public Map<String, List<Integer>> assign(int partitions, List<Member> members) {
        List<Member> primaries = sorted(members, true);
        List<Member> others = sorted(members, false);
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        members.forEach(m -> out.put(m.id(), new ArrayList<>()));
        int k = primaryCount(partitions, !primaries.isEmpty(), !others.isEmpty());
        for (int p = 0; p < k; p++) {
            out.get(primaries.get(p % primaries.size()).id()).add(p);
        }
        for (int p = k; p < partitions; p++) {
            out.get(others.get((p - k) % others.size()).id()).add(p);
        }
        return out;
    }

    private List<Member> sorted(List<Member> members, boolean inPrimary) {
        return members.stream().filter(m -> primary.equals(m.zone()) == inPrimary)
                .sorted(Comparator.comparing(Member::stableId).thenComparing(Member::id)).toList();
    }
}
