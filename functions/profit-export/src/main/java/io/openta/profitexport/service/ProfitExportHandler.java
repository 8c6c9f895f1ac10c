package io.openta.profitexport.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.openta.trade.export.DistributorFiles;
import io.openta.trade.export.Recipients;

/**
 * Profit export (spec v2 2.7): step {@code files} writes the 06 income files and the 05 share balances at the final
 * close of T (distributors shared among the tasks, one each as the scheduler plans it); step {@code index} (one
 * task, last of the day) the TA's OFI index per distributor over every file the day staged.
 */
@ApplicationScoped
public class ProfitExportHandler implements StageHandler {
    public static final String STEP_INDEX = "index";

    @Override
    public Stage stage() {
        return Stage.PROFIT_EXPORT;
    }

    @Override
    public long execute(TaskContext ctx) {
        if (STEP_INDEX.equals(ctx.step())) {
            return OutputIndexes.write(ctx.staging(), stage().id(), ctx.config().taCode(), ctx.date());
        }
        Sql sql = ctx.sql();
        Recipients.ProfitExportRecipients recipients = Recipients.ofProfitExport(sql, ctx.date());
        DistributorFiles files = new DistributorFiles(sql, ctx.staging(), ctx.config().taCode(), ctx.date(),
                stage().id());
        long records = 0;
        // the same distributors as the scheduler planned this step's tasks for
        for (String distributor : Recipients.ofShard(recipients.all(), ctx.shard(), ctx.shards())) {
            if (recipients.earners().contains(distributor)) {
                records += files.income(distributor);
            }
            if (recipients.holders().contains(distributor)) {
                records += files.shareBalances(distributor);
            }
        }
        return records;
    }
}
