package io.openta.profit.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.profit.repository.IncomeAllocation;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;

/**
 * Profit (spec 2.4): step {@code income} computes each eligible position's raw and truncated income per shard;
 * step {@code residue} (one task) hands out each fund's residue cents, which needs the fund-wide total.
 */
@ApplicationScoped
public class ProfitHandler implements StageHandler {

    @Override
    public Stage stage() {
        return Stage.PROFIT;
    }

    @Override
    public long execute(TaskContext ctx) {
        return switch (ctx.step()) {
            case "income" -> IncomeAllocation.baseIncome(ctx.sql(), ctx.date(), ctx.slotFrom(), ctx.slotTo());
            case "residue" -> IncomeAllocation.residue(ctx.sql(), ctx.date());
            default -> throw new IllegalArgumentException("profit has no step " + ctx.step());
        };
    }
}
