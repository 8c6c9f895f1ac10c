package io.openta.runtime.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.openta.model.zone.ZoneSplit;

/** The assignor's rules, through Kafka's own assignor interface (the group leader calls exactly this). */
class ZoneShareAssignorTest {
    private static final String T1 = "openta.clearing.tasks";
    private static final String T2 = "openta.profit.tasks";

    @Test
    void primaryZoneGetsItsShareOfEveryTopic() {
        Map<String, List<TopicPartition>> a = assign(80, Map.of(T1, 8, T2, 8), member("a-1", "a"), member("b-1", "b"));
        // round(8 * 80 / 100) = round(6.4) = 6: partitions 0-5 to zone a, 6-7 to zone b
        assertEquals(partitions(T1, 0, 1, 2, 3, 4, 5, T2, 0, 1, 2, 3, 4, 5), sorted(a.get("a-1")));
        assertEquals(partitions(T1, 6, 7, T2, 6, 7), sorted(a.get("b-1")));
    }

    @Test
    void shareRoundsHalfUp() {
        ZoneSplit split = new ZoneSplit("a", 75);
        assertEquals(2, split.primaryCount(2, true, true)); // 1.5 -> 2
        assertEquals(8, new ZoneSplit("a", 75).primaryCount(10, true, true)); // 7.5 -> 8
        assertEquals(7, new ZoneSplit("a", 80).primaryCount(9, true, true)); // 7.2 -> 7
        assertEquals(1, new ZoneSplit("a", 50).primaryCount(1, true, true)); // 0.5 -> 1
    }

    @Test
    void aZoneWithoutMembersLeavesEverythingToTheSurvivors() {
        Map<String, List<TopicPartition>> onlyB = assign(80, Map.of(T1, 8), member("b-1", "b"), member("b-2", "b"));
        assertEquals(partitions(T1, 0, 2, 4, 6), sorted(onlyB.get("b-1")));
        assertEquals(partitions(T1, 1, 3, 5, 7), sorted(onlyB.get("b-2")));
        Map<String, List<TopicPartition>> onlyA = assign(80, Map.of(T1, 8), member("a-1", "a"));
        assertEquals(8, onlyA.get("a-1").size());
        // the zone returns: its share again, the same partitions as before the loss
        Map<String, List<TopicPartition>> both = assign(80, Map.of(T1, 8), member("a-1", "a"), member("b-1", "b"));
        assertEquals(partitions(T1, 6, 7), sorted(both.get("b-1")));
    }

    @Test
    void severalMembersPerZoneShareTheirZonesPartitionsEvenlyAndDeterministically() {
        Map<String, List<TopicPartition>> a = assign(80, Map.of(T1, 16), member("b-2", "b"), member("a-2", "a"),
                member("a-1", "a"), member("b-1", "b"), member("a-3", "a"));
        // round(16 * 0.8) = 13 (12.8) for zone a's three members: 5, 4, 4 in member order; 3 for b's two: 2, 1
        assertEquals(partitions(T1, 0, 3, 6, 9, 12), sorted(a.get("a-1")));
        assertEquals(partitions(T1, 1, 4, 7, 10), sorted(a.get("a-2")));
        assertEquals(partitions(T1, 2, 5, 8, 11), sorted(a.get("a-3")));
        assertEquals(partitions(T1, 13, 15), sorted(a.get("b-1")));
        assertEquals(partitions(T1, 14), sorted(a.get("b-2")));
        // the same members in another order, with other member ids but the same static ids: the same split
        Map<String, List<TopicPartition>> again = assign(80, Map.of(T1, 16), member("b-1", "b"), member("a-3", "a"),
                member("b-2", "b"), member("a-1", "a"), member("a-2", "a"));
        assertEquals(sorted(a.get("a-1")), sorted(again.get("a-1")));
        assertEquals(sorted(a.get("b-2")), sorted(again.get("b-2")));
    }

    @Test
    void zeroAndHundredPercent() {
        Map<String, List<TopicPartition>> none = assign(0, Map.of(T1, 8), member("a-1", "a"), member("b-1", "b"));
        assertEquals(0, none.get("a-1").size());
        assertEquals(8, none.get("b-1").size());
        Map<String, List<TopicPartition>> all = assign(100, Map.of(T1, 8), member("a-1", "a"), member("b-1", "b"));
        assertEquals(8, all.get("a-1").size());
        assertEquals(0, all.get("b-1").size());
        // 0 % and the primary zone alone: it still takes everything rather than leave the tasks unconsumed
        assertEquals(8, assign(0, Map.of(T1, 8), member("a-1", "a")).get("a-1").size());
    }

    @Test
    void everyPartitionOnceAndMembersOnlyGetTopicsTheySubscribed() {
        Subscription onlyT1 = new Subscription(List.of(T1), null, List.of(), -1, Optional.of("b"));
        onlyT1.setGroupInstanceId(Optional.of("b-1"));
        Map<String, Subscription> subs = new LinkedHashMap<>();
        subs.put("a-1", subscription("a-1", "a", T1, T2));
        subs.put("b-1", onlyT1);
        ZoneShareAssignor assignor = configured(80);
        Map<String, List<TopicPartition>> a = new HashMap<>();
        assignor.assign(cluster(Map.of(T1, 5, T2, 5)), new GroupSubscription(subs)).groupAssignment()
                .forEach((id, as) -> a.put(id, as.partitions()));
        assertEquals(partitions(T1, 0, 1, 2, 3, T2, 0, 1, 2, 3, 4), sorted(a.get("a-1"))); // T2: a is alone
        assertEquals(partitions(T1, 4), sorted(a.get("b-1")));
    }

    @Test
    void aShareOutsideZeroToHundredIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> configured(101));
        assertTrue(e.getMessage().contains("the primary zone's share 101 is outside 0-100 %"), e.getMessage());
        assertThrows(ConfigException.class, () -> configured(-1));
    }

    private static ZoneShareAssignor configured(int share) {
        ZoneShareAssignor assignor = new ZoneShareAssignor();
        assignor.configure(Map.of(ZoneShareAssignor.PRIMARY_CONFIG, "a", ZoneShareAssignor.SHARE_CONFIG,
                String.valueOf(share)));
        return assignor;
    }

    private record M(String id, String zone) {
    }

    private static M member(String id, String zone) {
        return new M(id, zone);
    }

    private static Subscription subscription(String id, String zone, String... topics) {
        Subscription s = new Subscription(List.of(topics), null, List.of(), -1, Optional.of(zone));
        s.setGroupInstanceId(Optional.of(id));
        return s;
    }

    /** Members subscribed to every topic; the group's member ids differ from the static ids on purpose. */
    private static Map<String, List<TopicPartition>> assign(int share, Map<String, Integer> topics, M... members) {
        Map<String, Subscription> subs = new LinkedHashMap<>();
        Map<String, String> byMemberId = new HashMap<>();
        for (M m : members) {
            String memberId = m.id() + "-" + Integer.toHexString(System.identityHashCode(m));
            subs.put(memberId, subscription(m.id(), m.zone(), topics.keySet().toArray(String[]::new)));
            byMemberId.put(memberId, m.id());
        }
        Map<String, List<TopicPartition>> out = new HashMap<>();
        configured(share).assign(cluster(topics), new GroupSubscription(subs)).groupAssignment()
                .forEach((id, a) -> out.put(byMemberId.get(id), a.partitions()));
        return out;
    }

    private static Cluster cluster(Map<String, Integer> topics) {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> infos = new ArrayList<>();
        topics.forEach((t, n) -> {
            for (int p = 0; p < n; p++) {
                infos.add(new PartitionInfo(t, p, node, new Node[] { node }, new Node[] { node }));
            }
        });
        return new Cluster("test", List.of(node), infos, Set.of(), Set.of());
    }

    /** (topic, p, p, ..., topic, p, ...) as "topic-p" strings in order. */
    private static List<String> partitions(Object... spec) {
        List<String> out = new ArrayList<>();
        String topic = null;
        for (Object o : spec) {
            if (o instanceof String s) {
                topic = s;
            } else {
                out.add(topic + "-" + o);
            }
        }
        return out.stream().sorted().toList();
    }

    private static List<String> sorted(List<TopicPartition> tps) {
        return tps.stream().map(TopicPartition::toString).sorted().toList();
    }
}
