package io.openta.secondary.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.openta.trade.export.DistributorFiles;
import io.openta.trade.export.Recipients;
import io.openta.trade.export.TaSerials;
import io.openta.trade.repository.TradeBatchClearing;
import io.openta.trade.repository.TradeRouting;

/**
 * Secondary clearing (spec 2.6): the supplementary batches in turn, each in three steps named with the batch:
 * {@code route-NNN} (one task), {@code trades-NNN} (per shard; each batch's trades move the close at once, so the
 * next batch sees them), {@code files-NNN} (the batch's 04 files, distributors shared among shards).
 */
@ApplicationScoped
public class SecondaryClearingHandler implements StageHandler {
    private final Failpoints failpoints;

    public SecondaryClearingHandler(Failpoints failpoints) {
        this.failpoints = failpoints;
    }

    @Override
    public Stage stage() {
        return Stage.SECONDARY_CLEARING;
    }

    @Override
    public long execute(TaskContext ctx) {
        String[] step = ctx.step().split("-", 2);
        if (step.length != 2 || !step[1].matches("\\d{3}") || "000".equals(step[1])) {
            throw new IllegalArgumentException("secondary-clearing has no step " + ctx.step());
        }
        String batch = step[1];
        return switch (step[0]) {
            case "route" -> TradeRouting.route(ctx.sql(), ctx.date(), batch);
            case "trades" -> TradeBatchClearing.clearShard(ctx.sql(), ctx.date(), batch, ctx.slotFrom(),
                    ctx.slotTo(), ctx.lane(), purchaseChargeBias());
            case "files" -> {
                DistributorFiles files = new DistributorFiles(ctx.sql(), ctx.staging(), ctx.config().taCode(),
                        ctx.date(), stage().id());
                long records = 0;
                for (String distributor : Recipients.ofShard(
                        Recipients.withAcceptedFile(ctx.sql(), ctx.date(), "03", batch), ctx.shard(), ctx.shards())) {
                    records += files.tradeConfirmations(distributor, batch,
                            TaSerials.first(ctx.sql(), ctx.date(), batch, distributor));
                }
                yield records;
            }
            default -> throw new IllegalArgumentException("secondary-clearing has no step " + ctx.step());
        };
    }

    /** The Charge added to every purchase: a cent under the charge-plus-one-cent failpoint, else nothing. */
    private java.math.BigDecimal purchaseChargeBias() {
        return failpoints.armed(Failpoints.CHARGE_PLUS_ONE_CENT) ? new java.math.BigDecimal("0.01")
                : java.math.BigDecimal.ZERO;
    }
}
