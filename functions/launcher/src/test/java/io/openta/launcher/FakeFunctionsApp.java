package io.openta.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stands in for the functions app in the launcher's own tests: answers /q/health/ready, checks it can reach
 * PostgreSQL, and answers each START with eight STAGE_COMPLETED and a DAY_COMPLETED (copying the inbox's file names
 * to the outbox with ".OUT" appended), or DAY_FAILED when the inbox holds a file named FAIL.
 */
public final class FakeFunctionsApp {
    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        // started beside PostgreSQL, like the real app it retries its first connection (the real one in Flyway,
        // QUARKUS_FLYWAY_CONNECT_RETRIES times a second apart)
        int retries = Integer.parseInt(env.getOrDefault("QUARKUS_FLYWAY_CONNECT_RETRIES", "0"));
        for (int attempt = 0;; attempt++) {
            try (var c = DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                    env.get("QUARKUS_DATASOURCE_USERNAME"), env.get("QUARKUS_DATASOURCE_PASSWORD"))) {
                c.createStatement().execute("select 1");
                break;
            } catch (java.sql.SQLException e) {
                if (attempt >= retries) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
        Files.createDirectories(Path.of(env.get("OPENTA_STAGING_DIR")));
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        int shards = Integer.parseInt(env.get("OPENTA_SHARDS"));
        ObjectMapper json = new ObjectMapper();

        Properties cp = new Properties();
        cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "fake-scheduler");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp);
                KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
            consumer.subscribe(List.of(Topics.DAY_COMMANDS));
            consumer.poll(Duration.ofMillis(100)); // join the group before saying ready
            HttpServer http = HttpServer.create(
                    new InetSocketAddress("127.0.0.1", Integer.parseInt(env.get("QUARKUS_HTTP_PORT"))), 0);
            // ready: what the launcher waits for; live: what a day command asks of a running serve
            for (String check : List.of("/q/health/ready", "/q/health/live")) {
                http.createContext(check, ex -> {
                    byte[] body = "{\"status\":\"UP\"}".getBytes();
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                    ex.close();
                });
            }
            http.start();
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    DayCommand cmd = json.readValue(r.value(), DayCommand.class);
                    if (!DayCommand.START.equals(cmd.type())) {
                        continue;
                    }
                    Path inbox = Path.of(cmd.inbox());
                    if (Files.exists(inbox.resolve("FAIL"))) {
                        send(producer, json, new DayEvent(DayEvent.DAY_FAILED, cmd.date(), Stage.DAY_INIT.id(), 0, 0,
                                0, "no 07 file", cmd.requestId()));
                        continue;
                    }
                    List<Path> in;
                    try (Stream<Path> s = Files.list(inbox)) {
                        in = s.sorted().collect(Collectors.toList());
                    }
                    for (Stage st : Stage.values()) {
                        send(producer, json, new DayEvent(DayEvent.STAGE_COMPLETED, cmd.date(), st.id(), in.size(),
                                shards, 5, null, cmd.requestId()));
                    }
                    for (Path p : in) {
                        Files.writeString(Path.of(cmd.outbox()).resolve(p.getFileName() + ".OUT"), cmd.date());
                    }
                    send(producer, json, new DayEvent(DayEvent.DAY_COMPLETED, cmd.date(), Stage.PROFIT_EXPORT.id(),
                            in.size(), shards, 40, "ok", cmd.requestId()));
                }
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, ObjectMapper json, DayEvent e)
            throws IOException {
        // an event of another request first: the launcher must ignore it
        producer.send(new ProducerRecord<>(Topics.DAY_EVENTS, e.date(), json.writeValueAsString(
                new DayEvent(e.type(), e.date(), e.stage(), 0, 0, 0, "other", "someone-else"))));
        producer.send(new ProducerRecord<>(Topics.DAY_EVENTS, e.date(), json.writeValueAsString(e)));
        producer.flush();
    }

    /** A jar that runs this class with the test classpath (absolute Class-Path URLs in its manifest). */
    static Path buildJar(Path dir) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeFunctionsApp.class.getName());
        String cp = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" "));
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, cp);
        Path jar = dir.resolve("fake-functions.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            // manifest only
        }
        return jar;
    }
}
