package io.openta.runtime.task;

/**
 * Accounts hash to one of {@value #COUNT} slots (SQL: {@code hashtext(ta_account_id) & 1023}, over the TAAccountID
 * text); a step split into N shards gives shard s the slots [s*1024/N, (s+1)*1024/N). Position tables are partitioned by slot range, so with the
 * default 8 shards a shard task touches exactly one partition. Changing N needs no data movement.
 */
public final class Slots {
    public static final int COUNT = 1024;

    private Slots() {
    }

    public static int from(int shard, int shards) {
        return (int) ((long) shard * COUNT / shards);
    }
}
