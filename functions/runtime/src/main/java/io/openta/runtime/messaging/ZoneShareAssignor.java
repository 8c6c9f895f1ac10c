package io.openta.runtime.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.jboss.logging.Logger;

import io.openta.model.zone.ZoneSplit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Kafka partition assignor (registered through {@code partition.assignment.strategy} on the task channel) that gives
 * the primary zone its share of every task topic's partitions and the other zone the rest, by the rule of
 * {@link ZoneSplit}. A member's zone is its {@code client.rack} (openta.zone; a member without one counts as the
 * other zone). Since a partition is a shard, this
 * splits each sharded step's tasks between the zones. Kafka rebalances when a member leaves (its session times out)
 * or joins, so the survivors take a lost zone's partitions and a returning zone gets its share back.
 *
 * <p>The group leader's member runs {@link #assign}, with its own configuration ({@value #PRIMARY_CONFIG},
 * {@value #SHARE_CONFIG}, passed through the channel's consumer properties); every process is configured alike.
 * Kafka creates the assignor by its class name, hence the reflection registration (native image).
 */
@RegisterForReflection
public class ZoneShareAssignor implements ConsumerPartitionAssignor, Configurable {
    private static final Logger LOG = Logger.getLogger(ZoneShareAssignor.class);
    public static final String NAME = "openta-zone-share";
    public static final String PRIMARY_CONFIG = "openta.zones.primary";
    public static final String SHARE_CONFIG = "openta.zones.primary-share";

    private ZoneSplit split = new ZoneSplit("a", 80);

    @Override
    public void configure(Map<String, ?> configs) {
        Object primary = configs.get(PRIMARY_CONFIG);
        Object share = configs.get(SHARE_CONFIG);
        try {
            split = new ZoneSplit(primary == null ? split.primary() : primary.toString().trim(),
                    share == null ? split.share() : Integer.parseInt(share.toString().trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    ZoneSplit split() {
        return split;
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        Map<String, List<TopicPartition>> assigned = new HashMap<>();
        TreeSet<String> topics = new TreeSet<>();
        subscriptions.forEach((id, s) -> {
            assigned.put(id, new ArrayList<>());
            topics.addAll(s.topics());
        });
        for (String topic : topics) {
            Integer partitions = metadata.partitionCountForTopic(topic);
            if (partitions == null) {
                continue; // not (yet) known to the broker: assigned once it exists
            }
            List<ZoneSplit.Member> members = new ArrayList<>();
            subscriptions.forEach((id, s) -> {
                if (s.topics().contains(topic)) {
                    members.add(new ZoneSplit.Member(id, s.groupInstanceId().orElse(id), s.rackId().orElse("")));
                }
            });
            split.assign(partitions, members).forEach((id, ps) -> ps.forEach(p -> assigned.get(id)
                    .add(new TopicPartition(topic, p))));
        }
        Map<String, Assignment> out = new HashMap<>();
        assigned.forEach((id, tps) -> out.put(id, new Assignment(tps)));
        LOG.infof("zone split (primary %s, %d %%) of %d topics over %s", split.primary(), split.share(),
                topics.size(), describe(subscriptions, assigned));
        return new GroupAssignment(out);
    }

    private static String describe(Map<String, Subscription> subscriptions, Map<String, List<TopicPartition>> a) {
        StringBuilder b = new StringBuilder();
        subscriptions.forEach((id, s) -> b.append(b.isEmpty() ? "" : ", ").append(s.groupInstanceId().orElse(id))
                .append(" (zone ").append(s.rackId().orElse("?")).append("): ").append(a.get(id).size())
                .append(" partitions"));
        return b.toString();
    }

    @Override
    public String name() {
        return NAME;
    }
}
