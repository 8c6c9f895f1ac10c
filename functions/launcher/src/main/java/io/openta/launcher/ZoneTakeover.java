package io.openta.launcher;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The zone takeover time of a lost zone, read from {@code sched.task_execution} (the zone that ran each task and
 * when): from the loss to the first shard task the surviving zone completed on a partition the lost zone had. Such a
 * task could only run once Kafka gave the lost zone's partitions to the survivor (after the lost members' session
 * timed out and the group rebalanced), and, if the lost zone also led, once the survivor's scheduler took the lease.
 * A task's {@code executed_at} is its transaction's start, so the time read is short of the commit by the task's
 * own duration. The loss instant and the database must share a clock (the same host, or synchronised hosts).
 */
final class ZoneTakeover {
    private ZoneTakeover() {
    }

    /**
     * Kill (or loss) to the first task of {@code date} the {@code survivor} zone ran on one of {@code lostPartitions}
     * (a task's partition is its shard modulo {@code partitions}); empty when it ran none (the lost zone had no work
     * left in the day).
     */
    static Optional<Duration> measure(Connection db, String date, Instant lostAt, String survivor,
            Set<Integer> lostPartitions, int partitions) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("""
                SELECT min(executed_at) FROM sched.task_execution
                WHERE biz_date = ? AND zone = ? AND executed_at >= ? AND mod(shard, ?) = ANY (?)""")) {
            Array lost = db.createArrayOf("int4", lostPartitions.toArray());
            st.setString(1, date);
            st.setString(2, survivor);
            st.setTimestamp(3, Timestamp.from(lostAt));
            st.setInt(4, partitions);
            st.setArray(5, lost);
            try (ResultSet rs = st.executeQuery()) {
                Timestamp first = rs.next() ? rs.getTimestamp(1) : null;
                return first == null ? Optional.empty() : Optional.of(Duration.between(lostAt, first.toInstant()));
            }
        }
    }
}
