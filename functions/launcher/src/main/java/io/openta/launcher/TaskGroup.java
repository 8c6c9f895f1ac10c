package io.openta.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/** The functions apps' consumer group of the stage task topics, as the broker describes it. */
final class TaskGroup {
    /** The group every functions app's task consumer joins (the all-in-one app's name). */
    static final String ALL_IN_ONE = "openta-all-in-one";

    private TaskGroup() {
    }

    /**
     * Waits until {@code group} is stable with members holding exactly {@code sizes} partitions (ascending, one entry
     * per member): e.g. 16 and 48 for zone b's 2 and zone a's 6 partitions of each of 8 task topics.
     */
    static void awaitHeld(String bootstrap, String group, List<Integer> sizes, Duration timeout)
            throws InterruptedException {
        List<Integer> expected = sizes.stream().sorted().toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < deadline) {
                try {
                    ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(group)).all().get(30,
                            TimeUnit.SECONDS).get(group);
                    List<Integer> held = g.members().stream().map(m -> m.assignment().topicPartitions().size())
                            .sorted().toList();
                    last = g.groupState() + " " + held;
                    if (g.groupState() == GroupState.STABLE && held.equals(expected)) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e.toString();
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the task consumer group " + group + " never held " + expected
                + " partitions per member within " + timeout.toSeconds() + " s; last " + last);
    }
}
