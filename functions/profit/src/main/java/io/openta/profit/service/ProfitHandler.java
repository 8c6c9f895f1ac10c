package io.openta.profit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.profit.repository.IncomeAllocation;
import io.openta.profit.repository.IncomeAllocation.ResidueOrder;
import io.openta.runtime.chaos.Failpoints;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;

/**
 * Profit (spec 2.4): step {@code totals} (one task) finds each fund's total and which positions get its residue
 * cents, which needs the whole fund; step {@code income} writes each eligible position's income per shard.
 */
@ApplicationScoped
public class ProfitHandler implements StageHandler {
    private final Failpoints failpoints;

    public ProfitHandler(Failpoints failpoints) {
        this.failpoints = failpoints;
    }

    @Override
    public Stage stage() {
        return Stage.PROFIT;
    }

    @Override
    public long execute(TaskContext ctx) {
        return switch (ctx.step()) {
            case "totals" -> IncomeAllocation.fundTotals(ctx.sql(), ctx.date(), residueOrder());
            case "income" -> IncomeAllocation.income(ctx.sql(), ctx.date(), ctx.slotFrom(), ctx.slotTo(), ctx.lane(),
                    residueOrder());
            default -> throw new IllegalArgumentException("profit has no step " + ctx.step());
        };
    }

    /** The rule's order, unless the residue-cent-to-wrong-account failpoint is armed in this process. */
    private ResidueOrder residueOrder() {
        return failpoints.armed(Failpoints.RESIDUE_CENT_TO_WRONG_ACCOUNT) ? ResidueOrder.LAST : ResidueOrder.FIRST;
    }
}
