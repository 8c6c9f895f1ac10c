package io.openta.launcher;

import static io.openta.launcher.ProductionTables.checksums;
import static io.openta.launcher.ProductionTables.run;
import static io.openta.launcher.ProductionTables.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;

/**
 * Issue 12, seeding and cleanup, on real processes ({@code openta infra}, one {@code openta serve} with shadow traffic
 * on, the packaged functions app): production clears golden case-01's first day; {@code openta stress
 * --from-production} then copies production's close into the emptied shadow set and clears the second day as a
 * stress day, whose outbox equals the golden expected files of that day (what production writes for it), while every
 * production table keeps its checksum. A seed for a date not after production's close is refused with one line.
 * Records whose {@code openta-traffic} header disagrees with their {@code traffic} field (a production task, a
 * stress task, a stress START) are parked, not run. {@code openta stress clean} leaves every shadow topic without
 * records (end offset equal to the beginning offset), production again unchanged.
 */
class StressSeedTest {
    private static final String DAY1 = "20261125";
    private static final String DAY2 = "20261126";
    private static final String DAY3 = "20261127";

    @TempDir
    Path tmp;

    @Test
    void aStressDaySeededFromProductionClearsTheNextDayAsProductionWould() throws Exception {
        Path golden = TestCases.golden("case-01-basic");
        try (SharedInfra infra = SharedInfra.start(tmp)) {
            ServeProcess serve = infra.serve(Files.createDirectories(tmp.resolve("serve-in")), tmp.resolve("serve-out"),
                    Map.of("OPENTA_SHADOW_ENABLED", "true"));
            List<String> on = List.of("--url", serve.url(), "--kafka", infra.kafka(), "--data",
                    tmp.resolve("launcher").toString());

            Path day1 = tmp.resolve("production-" + DAY1);
            run(0, with(on, "day", "--date", DAY1, "--inbox", golden.resolve(DAY1).resolve("in").toString(),
                    "--outbox", day1.toString()));
            TestCases.assertSameOutbox(golden.resolve(DAY1).resolve("out"), day1, "production's first day");
            Map<String, String> production = checksums(infra);

            // a seed for a date production has closed: one line, the shadow set untouched
            String refused = run(1, with(on, "stress", "--date", DAY1, "--inbox", golden.resolve(DAY1).resolve("in")
                    .toString(), "--outbox", tmp.resolve("refused").toString(), "--from-production"));
            assertTrue(refused.contains("stress day " + DAY1 + " not started: SEED_SHADOW refused: stress day " + DAY1
                    + " is not later than production's last close " + DAY1), refused);
            assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_sched.day"));
            assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_acct.account"));

            // the second day as a stress day, from a copy of production's close
            Path stressOut = tmp.resolve("stress-" + DAY2);
            String stressed = run(0, with(on, "stress", "--date", DAY2, "--inbox", golden.resolve(DAY2).resolve("in")
                    .toString(), "--outbox", stressOut.toString(), "--from-production"));
            assertTrue(stressed.contains("shadow set seeded from production's last close " + DAY1 + ": "), stressed);
            assertTrue(stressed.contains("stress day " + DAY2 + " cleared in "), stressed);
            TestCases.assertSameOutbox(golden.resolve(DAY2).resolve("out"), stressOut,
                    "the seeded stress day's outbox against production's output of " + DAY2);
            assertEquals(DAY1 + "|COMPLETED\n" + DAY2 + "|COMPLETED\n",
                    infra.queryText("SELECT biz_date, status FROM shadow_sched.day ORDER BY 1"));
            assertEquals(production, checksums(infra), "the seed or the stress day changed production tables");
            assertEquals(0, infra.queryLong("SELECT count(*) FROM sched.day WHERE biz_date = '" + DAY2 + "'"));

            refusesRecordsWhoseMarksDisagree(infra);
            assertEquals(production, checksums(infra), "a refused record changed production tables");

            Map<String, Long> before = shadowTopicRecords(infra);
            assertTrue(before.values().stream().mapToLong(Long::longValue).sum() > 0,
                    "the stress day left no records on the shadow topics: " + before);
            String cleaned = run(0, with(on, "stress", "clean"));
            assertTrue(cleaned.contains("shadow topics emptied: "), cleaned);
            Map<String, Long> after = shadowTopicRecords(infra);
            assertEquals(before.keySet(), after.keySet());
            assertTrue(after.values().stream().allMatch(n -> n == 0), "records left on the shadow topics: " + after);
            assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_sched.day"));
            assertEquals(production, checksums(infra), "stress clean changed production tables");
        }
    }

    /** A production task, a stress task and a stress START, each with the other mark in its header: parked, not run. */
    private static void refusesRecordsWhoseMarksDisagree(SharedInfra infra) throws Exception {
        long parked = infra.queryLong("SELECT count(*) FROM sched.parked_message");
        String task = "{\"date\":\"" + DAY3 + "\",\"stage\":\"" + Stage.DAY_INIT.id() + "\",\"step\":\"\",\"shard\":0,"
                + "\"shards\":1,\"attempt\":1,\"traffic\":\"%s\"}";
        String start = "{\"type\":\"START\",\"date\":\"" + DAY3 + "\",\"inbox\":\"/nowhere/in\","
                + "\"outbox\":\"/nowhere/out\","
                + "\"requestId\":\"" + UUID.randomUUID() + "\",\"traffic\":\"SHADOW\"}";
        try (KafkaProducer<String, String> producer = producer(infra.kafka())) {
            producer.send(marked(Topics.stageTasks(Stage.DAY_INIT), task.formatted("PRODUCTION"), Traffic.SHADOW))
                    .get();
            producer.send(marked(Topics.stageTasks(Stage.DAY_INIT, Traffic.SHADOW), task.formatted("SHADOW"),
                    Traffic.PRODUCTION)).get();
            producer.send(marked(Topics.DAY_COMMANDS, start, Traffic.PRODUCTION)).get();
        }
        String reasons = "";
        for (int i = 0; i < 600; i++) {
            reasons = infra.queryText("SELECT topic, reason FROM sched.parked_message ORDER BY id OFFSET " + parked);
            if (reasons.lines().count() >= 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(reasons.contains(Topics.stageTasks(Stage.DAY_INIT) + "|its openta-traffic header says SHADOW but "
                + "its traffic field says PRODUCTION: not run"), reasons);
        assertTrue(reasons.contains(Topics.stageTasks(Stage.DAY_INIT, Traffic.SHADOW) + "|its openta-traffic header "
                + "says PRODUCTION but its traffic field says SHADOW: not run"), reasons);
        assertTrue(reasons.contains(Topics.DAY_COMMANDS + "|its openta-traffic header says PRODUCTION but its "
                + "traffic field says SHADOW: not run"), reasons);
        assertEquals(3, reasons.lines().count(), reasons);
        assertEquals(0, infra.queryLong("SELECT count(*) FROM shadow_sched.day WHERE biz_date = '" + DAY3 + "'"));
        assertEquals(0, infra.queryLong("SELECT count(*) FROM sched.day WHERE biz_date = '" + DAY3 + "'"));
        assertEquals(0, infra.queryLong("SELECT count(*) FROM sched.task_execution WHERE biz_date = '" + DAY3 + "'"));
    }

    /** Records held by each shadow topic: each partition's end offset less its beginning offset. */
    private static Map<String, Long> shadowTopicRecords(SharedInfra infra) {
        List<String> topics = new ArrayList<>();
        for (Stage s : Stage.values()) {
            topics.add(Topics.stageTasks(s, Traffic.SHADOW));
        }
        topics.add(Topics.TASK_RESULTS_SHADOW);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafka());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Long> records = new TreeMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            var existing = consumer.listTopics().keySet();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                if (existing.contains(topic)) {
                    consumer.partitionsFor(topic)
                            .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            var begin = consumer.beginningOffsets(partitions);
            consumer.endOffsets(partitions).forEach((tp, end) -> records.merge(tp.topic(), end - begin.get(tp),
                    Long::sum));
        }
        return records;
    }

    private static ProducerRecord<String, String> marked(String topic, String value, Traffic header) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, DAY3, value);
        r.headers().add(Traffic.HEADER, header.name().getBytes(StandardCharsets.UTF_8));
        return r;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }
}
