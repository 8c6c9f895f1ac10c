package io.openta.scheduler.repository;

import io.openta.model.events.Stage;
import io.openta.runtime.db.Sql;

/**
 * Withdraws what a day wrote, back to a backup point (the boundary before a stage), in one transaction. Rows of day
 * T carry T; positions T changed keep the close they had before T (prev_close), and every close during T can be
 * derived from it and T's rows, so each boundary is restorable. Undone from the last stage backwards. Only the
 * latest day can be withdrawn, which is the rule (a rollback is allowed while the day is the latest).
 */
public final class DayRollback {
    private DayRollback() {
    }

    /** Everything of the day: the state before day-init. */
    public static void rollbackDay(Sql sql, String date) {
        toStage(sql, date, Stage.DAY_INIT);
    }

    /** Restores the state of the boundary before {@code stage}: that stage and every later one are undone. */
    public static void toStage(Sql sql, String date, Stage stage) {
        int to = stage.ordinal();
        // tasks first: a shard task still running holds its task row, so this waits for it to finish
        sql.update("DELETE FROM sched.task WHERE biz_date = $1 AND stage = ANY($2)", date, stagesFrom(stage));
        sql.update("DELETE FROM sched.stage_run WHERE biz_date = $1 AND stage = ANY($2)", date, stagesFrom(stage));
        if (to <= Stage.SECONDARY_CLEARING.ordinal()) {
            sql.update("DELETE FROM trd.trade_cfm WHERE biz_date = $1 AND batch <> '000'", date);
            sql.update("DELETE FROM clr.position_move WHERE biz_date = $1 AND batch <> '000'", date);
            // positions the supplementary batches created; then the close as share-adjust left it
            sql.update("""
                    DELETE FROM clr.position p WHERE p.created_date = $1 AND NOT EXISTS (SELECT 1 FROM clr.position_move m
                      WHERE m.biz_date = $1 AND m.batch = '000' AND m.slot = p.slot AND m.ta_account_id = p.ta_account_id
                        AND m.fund_code = p.fund_code)""", date);
            sql.update("""
                    UPDATE clr.position p SET close = p.prev_close + coalesce((SELECT sum(m.purchased - m.redeemed)
                        FROM clr.position_move m WHERE m.biz_date = $1 AND m.batch = '000' AND m.slot = p.slot
                        AND m.ta_account_id = p.ta_account_id AND m.fund_code = p.fund_code), 0)
                      + coalesce((SELECT i.income FROM clr.income i WHERE i.biz_date = $1 AND i.slot = p.slot
                        AND i.ta_account_id = p.ta_account_id AND i.fund_code = p.fund_code), 0)
                    WHERE p.close_date = $1""", date);
            sql.update("DELETE FROM trd.trade_route WHERE biz_date = $1 AND batch <> '000'", date);
        }
        if (to <= Stage.SHARE_ADJUST.ordinal()) {
            sql.update("UPDATE clr.position SET close = prev_close, close_date = prev_close_date WHERE close_date = $1",
                    date);
        }
        if (to <= Stage.PROFIT.ordinal()) {
            sql.update("DELETE FROM clr.income WHERE biz_date = $1", date);
            sql.update("DELETE FROM clr.income_fund WHERE biz_date = $1", date);
        }
        if (to <= Stage.CLEARING.ordinal()) {
            sql.update("DELETE FROM trd.trade_cfm WHERE biz_date = $1", date);
            sql.update("DELETE FROM clr.position_move WHERE biz_date = $1", date);
            sql.update("DELETE FROM clr.position WHERE created_date = $1", date);
            sql.update("DELETE FROM acct.account WHERE opened_date = $1", date);
            sql.update("DELETE FROM acct.account_outcome WHERE biz_date = $1", date);
            sql.update("DELETE FROM trd.trade_route WHERE biz_date = $1", date);
        }
        if (to <= Stage.FILE_IMPORT.ordinal()) {
            sql.update("DELETE FROM trd.trade_app WHERE biz_date = $1", date);
            sql.update("DELETE FROM acct.account_app WHERE biz_date = $1", date);
            sql.update("""
                    UPDATE trd.inbox_file SET status = 'PENDING', file_type = NULL, sender = NULL, batch = NULL,
                      records = NULL, imported = NULL, reason = NULL, detail = NULL
                    WHERE biz_date = $1 AND role = 'IMPORT'""", date);
        }
        if (to <= Stage.DAY_INIT.ordinal()) {
            sql.update("DELETE FROM trd.inbox_file WHERE biz_date = $1", date);
            sql.update("DELETE FROM clr.quote WHERE biz_date = $1", date);
            sql.update("DELETE FROM clr.fund WHERE effective_date = $1", date);
        }
    }

    /** Ids of {@code stage} and the stages after it. */
    public static String[] stagesFrom(Stage stage) {
        return java.util.Arrays.stream(Stage.values()).filter(s -> s.ordinal() >= stage.ordinal()).map(Stage::id)
                .toArray(String[]::new);
    }
}
