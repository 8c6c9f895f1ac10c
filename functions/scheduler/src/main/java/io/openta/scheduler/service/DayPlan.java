package io.openta.scheduler.service;

import java.util.ArrayList;
import java.util.List;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;
import io.openta.trade.export.Recipients;

/**
 * The steps of each stage and their shard counts. Sharded steps run N tasks (N = openta.shards); file import runs
 * one task per inbox file, export's and profit export's files step one per distributor that gets files (at least
 * one); steps that need the whole day at once (numbering, residue) run one, the main batch's routing
 * {@link #ROUTE_PARTS} (each part reads the whole batch, and takes its share of the record numbers). What the day's
 * input decides (files, supplementary batches) is read when the stage starts. Per-account steps (trades, income,
 * adjust) are the ones a canary release step splits in lanes ({@link Step#perAccount}).
 */
public final class DayPlan {
    /**
     * The clearing's routing in two tasks; {@link io.openta.trade.repository.TradeRouting#route(Sql, String, String,
     * int, int)} says why two.
     */
    static final int ROUTE_PARTS = 2;

    private DayPlan() {
    }

    public static List<Step> steps(Sql sql, String date, Stage stage, int shards) {
        return switch (stage) {
            case DAY_INIT -> List.of(new Step("init", 1));
            case FILE_IMPORT -> List.of(new Step("files", sql.one(
                    "SELECT count(*)::int AS n FROM trd.inbox_file WHERE biz_date = $1 AND role = 'IMPORT'", date)
                    .getInteger("n")), new Step("index", 1));
            case CLEARING -> List.of(new Step("accounts", 1), new Step("route", ROUTE_PARTS),
                    new Step("trades", shards, true));
            case PROFIT -> List.of(new Step("totals", 1), new Step("income", shards, true));
            case SHARE_ADJUST -> List.of(new Step("adjust", shards, true));
            case EXPORT -> List.of(new Step("files", Math.max(1, Recipients.ofExport(sql, date).all().size())));
            case PROFIT_EXPORT -> List.of(
                    new Step("files", Math.max(1, Recipients.ofProfitExport(sql, date).all().size())),
                    new Step("index", 1));
            case SECONDARY_CLEARING -> {
                List<Step> steps = new ArrayList<>();
                sql.list("""
                        SELECT DISTINCT batch FROM trd.inbox_file WHERE biz_date = $1 AND status = 'ACCEPTED'
                        AND file_type = '03' AND batch <> '000' ORDER BY batch""", date).forEach(r -> {
                            String batch = r.getString("batch");
                            steps.add(new Step("route-" + batch, 1));
                            steps.add(new Step("trades-" + batch, shards, true));
                            steps.add(new Step("files-" + batch, shards));
                        });
                yield steps;
            }
        };
    }
}
