package io.openta.export.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.openta.trade.export.DistributorFiles;
import io.openta.trade.export.Recipients;
import io.openta.trade.export.TaSerials;

/**
 * Export (spec v2 2.7): the 02 files and the batch-000 04 files (applications, then income reductions), distributors
 * shared among the tasks (one each, as the scheduler plans it).
 */
@ApplicationScoped
public class ExportHandler implements StageHandler {

    @Override
    public Stage stage() {
        return Stage.EXPORT;
    }

    @Override
    public long execute(TaskContext ctx) {
        Sql sql = ctx.sql();
        Recipients.ExportRecipients recipients = Recipients.ofExport(sql, ctx.date());
        DistributorFiles files = new DistributorFiles(sql, ctx.staging(), ctx.config().taCode(), ctx.date(),
                stage().id());
        long records = 0;
        // the same distributors as the scheduler planned this step's tasks for
        for (String distributor : Recipients.ofShard(recipients.all(), ctx.shard(), ctx.shards())) {
            if (recipients.accounts().contains(distributor)) {
                records += files.accountConfirmations(distributor);
            }
            if (recipients.trades().contains(distributor)) {
                records += files.tradeConfirmations(distributor, "000",
                        TaSerials.first(sql, ctx.date(), "000", distributor));
            }
        }
        return records;
    }
}
