package io.openta.trade.export;

import java.util.List;
import java.util.TreeSet;

import io.openta.runtime.db.Sql;

/**
 * Who gets which file (spec v2 2.7), and the distributors of one export shard: export steps run N shard tasks, shard
 * s taking the distributors at places s, s+N, s+2N, ... of the list in code order. Export and profit export plan one
 * task per distributor ({@link #ofExport}, {@link #ofProfitExport}), so that no task writes two distributors' files
 * while another waits: with ten distributors over eight tasks, two tasks wrote two each and the stage waited for them.
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

    /**
     * Distributors holding at least one position (created by a purchase or a migration): they get a 05. Every
     * profit-export shard asks, so the distributors are found by walking the distributor index from one to the next
     * (one descent per distributor per partition), not by grouping every position: at 1,000,000 positions the
     * grouping took 0.7 s in each of the eight shards, the walk 30 ms (in psql).
     */
    public static List<String> withPositions(Sql sql) {
        return sql.list("""
                WITH RECURSIVE d AS (
                  SELECT min(distributor) AS distributor FROM clr.position
                  UNION ALL
                  SELECT (SELECT min(p.distributor) FROM clr.position p WHERE p.distributor > d.distributor)
                  FROM d WHERE d.distributor IS NOT NULL)
                SELECT distributor FROM d WHERE distributor IS NOT NULL ORDER BY distributor""").stream()
                .map(r -> r.getString("distributor")).toList();
    }

    /**
     * Distributors with a money-market position that earned on T (e > 0) with income >= 0: they get a 06. Found as
     * {@link #withPositions(Sql)} are, along {@code clr.income}'s distributor index, each step the first row of T past
     * the last distributor found that has income >= 0 (at 1,000,000 income rows: 0.37 s as a DISTINCT, under 1 ms
     * as the walk, in psql).
     */
    public static List<String> withIncome(Sql sql, String date) {
        return sql.list("""
                WITH RECURSIVE d AS (
                  SELECT (SELECT i.distributor FROM clr.income i WHERE i.biz_date = $1 AND i.income >= 0
                          ORDER BY i.biz_date, i.distributor LIMIT 1) AS distributor
                  UNION ALL
                  SELECT (SELECT i.distributor FROM clr.income i WHERE i.biz_date = $1 AND i.income >= 0
                            AND i.distributor > d.distributor ORDER BY i.biz_date, i.distributor LIMIT 1)
                  FROM d WHERE d.distributor IS NOT NULL)
                SELECT distributor FROM d WHERE distributor IS NOT NULL""", date)
                .stream().map(r -> r.getString("distributor")).toList();
    }

    /** Distributors with an income-reduction (145) record on T: they get a batch-000 04 even without a 03 file. */
    public static List<String> withIncomeReduction(Sql sql, String date) {
        return sql.list("SELECT DISTINCT distributor FROM clr.income WHERE biz_date = $1 AND income < 0", date)
                .stream().map(r -> r.getString("distributor")).toList();
    }

    /**
     * Who gets export's files: the 02 ({@code accounts}) and the batch-000 04 ({@code trades}: an accepted 03 file or
     * an income reduction); {@link #all()} are the distributors export plans one task each for, in code order.
     */
    public record ExportRecipients(List<String> accounts, List<String> trades) {
        public List<String> all() {
            return union(accounts, trades);
        }
    }

    /**
     * Who gets profit export's files: the 05 ({@code holders}) and the 06 ({@code earners}); {@link #all()} are the
     * distributors profit export plans one task each for, in code order.
     */
    public record ProfitExportRecipients(List<String> holders, List<String> earners) {
        public List<String> all() {
            return union(holders, earners);
        }
    }

    public static ExportRecipients ofExport(Sql sql, String date) {
        return new ExportRecipients(withAcceptedFile(sql, date, "01", "000"),
                union(withAcceptedFile(sql, date, "03", "000"), withIncomeReduction(sql, date)));
    }

    public static ProfitExportRecipients ofProfitExport(Sql sql, String date) {
        return new ProfitExportRecipients(withPositions(sql), withIncome(sql, date));
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
