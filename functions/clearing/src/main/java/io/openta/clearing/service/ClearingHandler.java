package io.openta.clearing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.openta.trade.repository.AccountOpening;
import io.openta.trade.repository.TradeBatchClearing;
import io.openta.trade.repository.TradeRouting;

/**
 * Clearing (spec 2.2, 2.3): step {@code accounts} decides the account applications' outcomes and opens the accounts
 * (one task: TAAccountIDs are one sequence over the day), step {@code route} routes the main batch's trades to shards
 * (set-based, in as many tasks as the plan gives it, each its share of the record numbers), step {@code trades}
 * confirms them per shard.
 */
@ApplicationScoped
public class ClearingHandler implements StageHandler {
    public static final String MAIN_BATCH = "000";

    private final Failpoints failpoints;

    public ClearingHandler(Failpoints failpoints) {
        this.failpoints = failpoints;
    }

    @Override
    public Stage stage() {
        return Stage.CLEARING;
    }

    @Override
    public long execute(TaskContext ctx) {
        return switch (ctx.step()) {
            case "accounts" -> AccountOpening.open(ctx.sql(), ctx.date());
            case "route" -> TradeRouting.route(ctx.sql(), ctx.date(), MAIN_BATCH, ctx.shard(), ctx.shards());
            case "trades" -> TradeBatchClearing.clearShard(ctx.sql(), ctx.date(), MAIN_BATCH, ctx.slotFrom(),
                    ctx.slotTo(), ctx.lane(), purchaseChargeBias());
            default -> throw new IllegalArgumentException("clearing has no step " + ctx.step());
        };
    }

    /** The Charge added to every purchase: a cent under the charge-plus-one-cent failpoint, else nothing. */
    private java.math.BigDecimal purchaseChargeBias() {
        return failpoints.armed(Failpoints.CHARGE_PLUS_ONE_CENT) ? new java.math.BigDecimal("0.01")
                : java.math.BigDecimal.ZERO;
    }
}
