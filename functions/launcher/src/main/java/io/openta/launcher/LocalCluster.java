package io.openta.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openta.model.events.DayCommand;
import io.openta.model.events.DayEvent;
import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.model.events.Traffic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Everything one clearing day needs on this machine: PostgreSQL (embedded, or an external one), Kafka (embedded, or
 * an external one) and the functions app as a child process. Clears any number of days in a row.
 *
 * <p>Layout of the data folder: {@code pg/} (PostgreSQL data, kept), {@code kafka/} (wiped at each start),
 * {@code staging/} (files the stages write before the day completes), {@code logs/functions.log}.
 */
public final class LocalCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Duration ACCESS_READY = Duration.ofMinutes(5);

    private final ClusterOptions options;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private FunctionsProcess functions;
    private KafkaProducer<String, String> producer;
    private String bootstrap;
    private FunctionsProcess.Settings settings;
    private LocalAuth auth;
    private String remoteUrl;
    private boolean advertised;
    private long lastRemoteCheck;
    private int remoteMisses;

    private LocalCluster(ClusterOptions options) {
        this.options = options;
    }

    /** Starts what the options do not name as external, then the functions app; waits until all are ready. */
    public static LocalCluster start(ClusterOptions options) throws IOException {
        LocalCluster c = new LocalCluster(options);
        try {
            c.startAll();
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void startAll() throws IOException {
        Path data = options.dataDir().toAbsolutePath();
        Files.createDirectories(data);
        if (!Files.isRegularFile(options.functionsJar())) {
            throw new IllegalStateException("functions app not found: " + options.functionsJar()
                    + " (build it with ./mvnw -B -DskipTests package)");
        }
        // PostgreSQL's port is chosen first, so that the functions app starts beside it: the app is given its address
        // at once and its database migration retries the connection until PostgreSQL answers. The app waits for
        // Kafka and its topics, though: a client that asks for a topic before it is created would have the broker
        // create it with one partition.
        boolean ownDatabase = options.dbUrl() == null;
        boolean ownBroker = options.kafka() == null;
        int pgPort = ownDatabase ? Ports.free() : 0;
        String jdbcUrl = ownDatabase ? EmbeddedPostgresServer.jdbcUrl(pgPort) : options.dbUrl();
        String reactiveUrl = ownDatabase ? EmbeddedPostgresServer.reactiveUrl(pgPort) : reactiveUrl(jdbcUrl);
        String user = ownDatabase ? EmbeddedPostgresServer.USER : options.dbUser() == null ? "" : options.dbUser();
        String password = ownDatabase ? EmbeddedPostgresServer.PASSWORD
                : options.dbPassword() == null ? "" : options.dbPassword();

        CompletableFuture<Void> pgStarted = !ownDatabase ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> {
                    long t0 = System.nanoTime();
                    try {
                        postgres = EmbeddedPostgresServer.start(data.resolve("pg"), pgPort);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    LOG.info("PostgreSQL on port {} ({} ms)", postgres.port(), ms(t0));
                }, LocalCluster::ownThread);
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> {
            long t1 = System.nanoTime();
            if (ownBroker) {
                try {
                    kafka = EmbeddedKafkaBroker.start(data.resolve("kafka"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                LOG.info("Kafka on {} ({} ms)", kafka.bootstrapServers(), ms(t1));
            }
            bootstrap = ownBroker ? kafka.bootstrapServers() : options.kafka();
            EmbeddedKafkaBroker.createTopics(bootstrap, Topics.all(), Math.max(1, options.shards()));
        }, LocalCluster::ownThread);

        int httpPort = options.httpPort();
        Map<String, String> extraEnv = new java.util.LinkedHashMap<>(options.extraEnv());
        // the app's API verifies operators' tokens with the data folder's key (made on first use)
        auth = LocalAuth.open(LocalAuth.dir(data, extraEnv));
        extraEnv.putAll(auth.appEnvironment());
        if (!ownDatabase) {
            // several apps may share an external database: the port tells apart two on one data folder, which
            // would otherwise take the scheduler lease from each other (see Leadership)
            httpPort = httpPort > 0 ? httpPort : Ports.free();
            extraEnv.putIfAbsent("OPENTA_INSTANCE", FunctionsProcess.instanceOf(data) + "-" + httpPort);
        }
        try {
            await(kafkaStarted);
        } catch (IOException | RuntimeException e) {
            pgStarted.exceptionally(x -> null).join(); // so that close() stops it
            throw e;
        }
        settings = new FunctionsProcess.Settings(options.functionsJar(), jdbcUrl, reactiveUrl,
                user, password, bootstrap, options.taCode(), options.shards(), data.resolve("staging"),
                data.resolve("logs").resolve("functions.log"), httpPort, extraEnv);
        long t3 = System.nanoTime();
        functions = FunctionsProcess.spawn(settings, startingBeside(options.readyTimeout()));
        await(pgStarted);
        functions.awaitReadyOrStop(options.readyTimeout());
        LOG.info("functions app ready on port {} ({} ms, started once Kafka was)", functions.httpPort(), ms(t3));
        producer = new KafkaProducer<>(producerProps(bootstrap));
    }

    /**
     * What the functions app is told when it starts beside PostgreSQL: its migration (the first thing that connects)
     * retries the connection every second for as long as the app may take to become ready.
     */
    static Map<String, String> startingBeside(Duration readyTimeout) {
        return Map.of("QUARKUS_FLYWAY_CONNECT_RETRIES", String.valueOf(Math.max(1, readyTimeout.toSeconds())),
                "QUARKUS_FLYWAY_CONNECT_RETRIES_INTERVAL", "1s");
    }

    /** Each start on a thread of its own: a shared pool may have room for one task at a time. */
    private static void ownThread(Runnable start) {
        Thread t = new Thread(start, "openta-start");
        t.setDaemon(true);
        t.start();
    }

    /** Waits for one start; its failure is thrown (what did start is stopped by {@link #close()}). */
    private static void await(CompletableFuture<Void> started) throws IOException {
        try {
            started.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * A cluster that is already running (an {@code openta serve}): days are sent to its scheduler through
     * {@code kafkaBootstrap}; nothing is started here and {@link #close()} leaves the serve running. While a day
     * runs, the serve's liveness check at {@code url} must keep answering.
     */
    public static LocalCluster attach(ClusterOptions options, String url, String kafkaBootstrap) {
        LocalCluster c = new LocalCluster(options);
        c.bootstrap = kafkaBootstrap;
        c.remoteUrl = url;
        c.producer = new KafkaProducer<>(producerProps(kafkaBootstrap));
        return c;
    }

    /** The functions app's peak resident memory so far in bytes, or -1 (not started here, or not known). */
    long functionsPeakResidentBytes() {
        return functions == null ? -1 : functions.peakResidentBytes();
    }

    /** The running serve this cluster was attached to, or null for one it started. */
    String remoteUrl() {
        return remoteUrl;
    }

    /**
     * Writes {@code <data>/serve.properties} (this cluster's API URL and broker) so that {@code openta day} on the
     * same data folder runs its days here; {@link #close()} deletes it.
     */
    void advertise() throws IOException {
        ServeFile.write(options.dataDir().toAbsolutePath(),
                new ServeFile.Running("http://127.0.0.1:" + functions.httpPort(), bootstrap));
        advertised = true;
    }

    private boolean functionsAlive() {
        if (functions != null) {
            return functions.isAlive();
        }
        // a serve elsewhere: asked at most every five seconds, and it must fail twice in a row
        long now = System.nanoTime();
        if (now - lastRemoteCheck < TimeUnit.SECONDS.toNanos(5)) {
            return true;
        }
        lastRemoteCheck = now;
        remoteMisses = ServeFile.answers(remoteUrl) ? 0 : remoteMisses + 1;
        return remoteMisses < 2;
    }

    /**
     * Starts the access app ({@code openta serve --access-config}) on this cluster's database and broker; the caller
     * stops it. Its log is {@code <data>/logs/access.log}.
     */
    AccessProcess startAccess(AccessProcess.Request r, Path jar) throws IOException {
        Path logs = options.dataDir().toAbsolutePath().resolve("logs");
        return AccessProcess.start(new AccessProcess.Settings(jar, r.usersFile(), r.sftpPort(), r.httpPort(),
                r.dataRoot(), r.inboxRoot(), r.outboxRoot(), logs.resolve("access.log"), settings),
                // it starts while the functions app settles in; on a loaded 2-core host that took 2 minutes here
                options.readyTimeout().compareTo(ACCESS_READY) > 0 ? options.readyTimeout() : ACCESS_READY);
    }

    /** {@code jdbc:postgresql://h:p/db?x} gives {@code postgresql://h:p/db?x}. */
    static String reactiveUrl(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
    }

    public ClusterOptions options() {
        return options;
    }

    public FunctionsProcess functions() {
        return functions;
    }

    /** The key the cluster's API accepts tokens of. */
    LocalAuth auth() {
        return auth;
    }

    /** JDBC URL, user and password of the cluster's PostgreSQL. */
    public String[] database() {
        return new String[] { settings.jdbcUrl(), settings.dbUser(), settings.dbPassword() };
    }

    /** Kills the functions app with SIGKILL (a crash), leaving PostgreSQL and Kafka up. */
    public void crashFunctions() {
        functions.kill();
    }

    /** Starts the functions app again (after a crash); a day then resumes when it is started again. */
    public void restartFunctions() throws IOException {
        if (functions.isAlive()) {
            functions.stop();
        }
        functions = FunctionsProcess.start(settings, options.readyTimeout());
    }

    /**
     * Clears one day: sends START, reports every event of the day to {@code progress} and returns at the terminal
     * event, or when the functions app dies, or after the day timeout (then the day is cancelled).
     */
    public DayOutcome runDay(String date, Path inbox, Path outbox, Consumer<DayEvent> progress) {
        return runDay(date, inbox, outbox, Traffic.PRODUCTION, progress);
    }

    /** As {@link #runDay(String, Path, Path, Consumer)}, for a day of {@code traffic} (a stress day: SHADOW). */
    public DayOutcome runDay(String date, Path inbox, Path outbox, Traffic traffic, Consumer<DayEvent> progress) {
        return await(new DayCommand(DayCommand.START, date, inbox.toAbsolutePath().toString(),
                outbox.toAbsolutePath().toString(), UUID.randomUUID().toString(), traffic), progress);
    }

    /**
     * Rolls day {@code date} back to the boundary before {@code stage} (the operators' rollback, through this
     * cluster's API with a short admin token of its own key); throws {@link ApiClient.ApiException} with the API's
     * answer when it refuses (a follower answers 503).
     */
    void rollback(String date, Stage stage) throws ApiClient.ApiException {
        String token = auth.mint("bench", "admin", Duration.ofMinutes(5));
        new ApiClient("http://127.0.0.1:" + functions.httpPort(), token).post("/api/days/" + date + "/rollback",
                Map.of("to", stage.id()));
    }

    /** Empties the shadow schemas and staging area ({@link DayCommand#CLEAN_SHADOW}); returns the answer. */
    public DayOutcome cleanShadow() {
        return await(new DayCommand(DayCommand.CLEAN_SHADOW, "00000000", null, null, UUID.randomUUID().toString(),
                Traffic.SHADOW), e -> { });
    }

    /**
     * Empties the shadow set and copies production's last close into it ({@link DayCommand#SEED_SHADOW}), before a
     * stress day of {@code date}; returns the answer.
     */
    public DayOutcome seedShadow(String date) {
        return await(new DayCommand(DayCommand.SEED_SHADOW, date, null, null, UUID.randomUUID().toString(),
                Traffic.SHADOW), e -> { });
    }

    /** Sends {@code command} and follows its events to the terminal one (or the functions app's end, or timeout). */
    private DayOutcome await(DayCommand command, Consumer<DayEvent> progress) {
        String date = command.date();
        String requestId = command.requestId();
        List<DayEvent> events = new ArrayList<>();
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap))) {
            // Listen from the current end of the events topic before the command goes out: no event can be missed.
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DAY_EVENTS, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            send(command);

            long deadline = start + options.dayTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    DayEvent e = parse(r.value());
                    if (e == null || !requestId.equals(e.requestId())) {
                        continue;
                    }
                    events.add(e);
                    progress.accept(e);
                    if (e.terminal()) {
                        String msg = e.message() == null ? "" : e.message();
                        return new DayOutcome(date, e, List.copyOf(events), ms(start), msg);
                    }
                }
                if (!functionsAlive()) {
                    String why = functions != null ? "the functions app died; " + functions.logFile() + " ends with:"
                            + System.lineSeparator() + functions.logTail(30)
                            : "the serve process at " + remoteUrl + " stopped answering";
                    return new DayOutcome(date, null, List.copyOf(events), ms(start), why);
                }
            }
            send(new DayCommand(DayCommand.CANCEL, date, null, null, requestId, command.traffic()));
            return new DayOutcome(date, null, List.copyOf(events), ms(start),
                    "no end of day after " + options.dayTimeout().toSeconds() + " s; cancel sent");
        }
    }

    private void send(DayCommand command) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DAY_COMMANDS, command.date(),
                    JSON.writeValueAsString(command));
            record.headers().add(Traffic.HEADER, command.traffic().name().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + command.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + command.type() + " to Kafka: " + e, e);
        }
    }

    private static DayEvent parse(String json) {
        try {
            return JSON.readValue(json, DayEvent.class);
        } catch (IOException e) {
            LOG.warn("ignoring an event that does not parse: {}", json);
            return null;
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }

    private static Properties consumerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "openta-launcher-" + UUID.randomUUID());
        return p;
    }

    private static long ms(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Stops the functions app, then Kafka, then PostgreSQL; each that was started. */
    @Override
    public void close() {
        RuntimeException first = null;
        if (advertised) {
            ServeFile.delete(options.dataDir().toAbsolutePath());
            advertised = false;
        }
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                first = e;
            }
            producer = null;
        }
        if (functions != null) {
            try {
                functions.stop();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            functions = null;
        }
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.stop();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
            postgres = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
