package io.openta.scheduler.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.openta.model.events.Stage;
import io.openta.model.events.Topics;
import io.openta.runtime.config.OpenTaConfig;
import io.openta.runtime.db.Transactions;
import io.openta.scheduler.repository.LeaderLease;
import io.quarkus.runtime.StartupEvent;

/**
 * Before this scheduler competes for the lease: each stage's task topic must have at least as many partitions as
 * shards (a shard task goes to the partition of its number), and a live leader must run with the same shard count.
 * Either failing ends the start with one line saying which (logged, and the message of the start failure).
 */
@ApplicationScoped
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class);

    private final OpenTaConfig config;
    private final Transactions db;
    private final Leadership leadership;
    private final String bootstrap;

    public StartupChecks(OpenTaConfig config, Transactions db, Leadership leadership,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.db = db;
        this.leadership = leadership;
        this.bootstrap = bootstrap;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.migrateOnly()) {
            return;
        }
        String problem = partitionProblem();
        if (problem == null) {
            problem = shardProblem();
        }
        if (problem != null) {
            // thrown from a start observer, this stops the start: the app never reports ready and exits
            LOG.error("cannot start the scheduler: " + problem);
            throw new IllegalStateException("cannot start the scheduler: " + problem);
        }
        leadership.enable();
    }

    private String partitionProblem() {
        List<String> topics = new ArrayList<>();
        for (Stage s : Stage.values()) {
            topics.add(Topics.stageTasks(s));
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(p)) {
            for (String topic : topics) {
                Map<String, TopicDescription> d;
                try {
                    d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    return "topic " + topic + " does not exist (create it with " + config.shards() + " partitions)";
                }
                int partitions = d.get(topic).partitions().size();
                if (config.shards() > partitions) {
                    return "shards " + config.shards() + " > partitions " + partitions + " of topic " + topic;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking the task topics";
        } catch (TimeoutException e) {
            return "Kafka at " + bootstrap + " did not describe the task topics within 30 s";
        }
    }

    private String shardProblem() {
        LeaderLease.Holder leader = db.inTransaction(LeaderLease::current);
        if (leader != null && leader.live() && leader.shards() != config.shards()) {
            return "shards " + config.shards() + " differ from the running leader's " + leader.shards() + " ("
                    + leader.holder() + "): every scheduler must use the same shard count";
        }
        return null;
    }
}
