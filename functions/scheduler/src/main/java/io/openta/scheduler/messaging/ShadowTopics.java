package io.openta.scheduler.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import io.openta.runtime.messaging.PlainKafka;
import io.smallrye.common.annotation.Identifier;

/**
 * Empties the shadow topics ({@code ./openta stress clean} and a seed from production, issue 12): the shadow twin of
 * every stage task topic and {@link Topics#TASK_RESULTS_SHADOW}. The records are deleted up to each partition's end
 * offset ({@code deleteRecords}); the topics stay, so the consumers subscribed to them keep running (one whose
 * committed offset now lies before the start reads on from the new start). A shadow topic that does not exist is
 * skipped.
 */
@ApplicationScoped
public class ShadowTopics {
    private static final Logger LOG = Logger.getLogger(ShadowTopics.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrap;
    /** The shared Kafka settings (security protocol, SASL, TLS) the channels get too. */
    private final Map<String, Object> kafka;

    public ShadowTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @Identifier(PlainKafka.SHARED) Map<String, Object> kafka) {
        this.bootstrap = bootstrap;
        this.kafka = kafka;
    }

    /** The shadow topics, whether they exist or not. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Stage s : Stage.values()) {
            names.add(Topics.stageTasks(s, Traffic.SHADOW));
        }
        names.add(Topics.TASK_RESULTS_SHADOW);
        return names;
    }

    /** Deletes every record of the shadow topics; returns a line saying how many, of how many topics. */
    public String empty() {
        try (Admin admin = Admin.create(PlainKafka.admin(bootstrap, kafka, "openta-scheduler-shadow-topics-"))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<String> topics = names().stream().filter(existing::contains).toList();
            if (topics.isEmpty()) {
                return "no shadow topics";
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS,
                    TimeUnit.SECONDS).values()) {
                d.partitions().forEach(p -> {
                    latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                });
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            long records = 0;
            for (var end : ends.entrySet()) {
                long before = end.getValue().offset() - starts.get(end.getKey()).offset();
                if (before > 0) {
                    delete.put(end.getKey(), RecordsToDelete.beforeOffset(end.getValue().offset()));
                    records += before;
                }
            }
            if (!delete.isEmpty()) {
                admin.deleteRecords(delete).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            LOG.infof("shadow topics emptied: %d records of %d topics", records, topics.size());
            return "shadow topics emptied: " + records + " records of " + topics.size() + " topics";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while emptying the shadow topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("emptying the shadow topics failed: " + e.getMessage(), e);
        }
    }
}
