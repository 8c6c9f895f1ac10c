package io.openta.shareadjust.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;

/**
 * Share adjustment (spec 2.5), per shard and set-based: close = previous close + main purchases - main redemptions
 * + income. The new close is computed from the close before T, never from itself, and the close before T is kept:
 * running the step again gives the same close, and a rollback can restore it. A task adjusts the positions of its
 * lane ({@link TaskContext#lane()}).
 */
@ApplicationScoped
public class ShareAdjustHandler implements StageHandler {

    @Override
    public Stage stage() {
        return Stage.SHARE_ADJUST;
    }

    @Override
    public long execute(TaskContext ctx) {
        return ctx.sql().update("""
                UPDATE clr.position p SET
                  prev_close = CASE WHEN p.close_date = $1 THEN p.prev_close ELSE p.close END,
                  prev_close_date = CASE WHEN p.close_date = $1 THEN p.prev_close_date ELSE p.close_date END,
                  close = CASE WHEN p.close_date = $1 THEN p.prev_close ELSE p.close END + d.delta,
                  close_date = $1
                FROM (SELECT coalesce(i.slot, m.slot) AS slot, coalesce(i.ta_account_id, m.ta_account_id) AS ta_account_id,
                        coalesce(i.fund_code, m.fund_code) AS fund_code,
                        coalesce(i.income, 0) + coalesce(m.purchased - m.redeemed, 0) AS delta
                      FROM (SELECT * FROM clr.income WHERE biz_date = $1 AND slot >= $2 AND slot < $3) i
                      FULL JOIN (SELECT * FROM clr.position_move
                                 WHERE biz_date = $1 AND batch = '000' AND slot >= $2 AND slot < $3) m
                        ON m.slot = i.slot AND m.ta_account_id = i.ta_account_id AND m.fund_code = i.fund_code) d
                WHERE p.slot = d.slot AND p.ta_account_id = d.ta_account_id AND p.fund_code = d.fund_code
                  AND p.slot >= $2 AND p.slot < $3 AND""" + " " + ctx.lane().sql(4, "p.slot", "p.ta_account_id"),
                ctx.lane().args(ctx.date(), ctx.slotFrom(), ctx.slotTo()));
    }
}
