package io.openta.trade.export;

import java.util.List;
import java.util.TreeSet;

import io.openta.runtime.db.Sql;

/**
 * Who gets which file (spec v2 2.7), and the distributors of one export shard: export steps run N shard tasks, shard
 * s taking the distributors at places s, s+N, s+2N, ... of the list in code order.
 */
public final class Recipients {
    private Recipients() {
    }

    /** Distributors with an accepted file of a type and batch, in code order. */
    public static List<String> withAcceptedFile(Sql sql, String date, String type, String batch) {
        return sql.list("""
                SELECT sender FROM trd.inbox_file WHERE biz_date = $1 AND status = 'ACCEPTED'
                AND file_type = $2 AND batch = $3 GROUP BY sender ORDER BY sender COLLATE "C\"""", date, type, batch)
                .stream().map(r -> r.getString("sender")).toList();
    }

    /** Distributors holding at least one position (created by a purchase or a migration): they get a 05. */
    public static List<String> withPositions(Sql sql) {
        return sql.list("SELECT distributor FROM clr.position GROUP BY distributor ORDER BY distributor").stream()
                .map(r -> r.getString("distributor")).toList();
    }

    /** Distributors with a money-market position that earned on T (e > 0) with income >= 0: they get a 06. */
    public static List<String> withIncome(Sql sql, String date) {
        return sql.list("SELECT DISTINCT distributor FROM clr.income WHERE biz_date = $1 AND income >= 0", date)
                .stream().map(r -> r.getString("distributor")).toList();
    }

    /** Distributors with an income-reduction (145) record on T: they get a batch-000 04 even without a 03 file. */
    public static List<String> withIncomeReduction(Sql sql, String date) {
        return sql.list("SELECT DISTINCT distributor FROM clr.income WHERE biz_date = $1 AND income < 0", date)
                .stream().map(r -> r.getString("distributor")).toList();
    }

    public static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    public static List<String> ofShard(List<String> distributors, int shard, int shards) {
        return java.util.stream.IntStream.range(0, distributors.size()).filter(i -> i % shards == shard)
                .mapToObj(distributors::get).toList();
    }
}
