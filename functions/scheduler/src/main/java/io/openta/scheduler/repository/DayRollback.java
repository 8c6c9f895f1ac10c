package io.openta.scheduler.repository;

import io.openta.runtime.db.Sql;

/**
 * Withdraws what a day wrote, in one transaction. Rows of day T carry T; positions T changed get back the close they
 * had before T (kept in prev_close), and positions T created go. Only the latest day can be withdrawn this way,
 * which is the rule (a rollback is allowed while the day is the latest).
 */
public final class DayRollback {
    private DayRollback() {
    }

    public static void rollbackDay(Sql sql, String date) {
        // tasks first: a shard task still running holds its task row, so this waits for it to finish
        sql.update("DELETE FROM sched.task WHERE biz_date = $1", date);
        sql.update("DELETE FROM sched.stage_run WHERE biz_date = $1", date);
        sql.update("DELETE FROM clr.income WHERE biz_date = $1", date);
        sql.update("DELETE FROM clr.position_move WHERE biz_date = $1", date);
        sql.update("DELETE FROM clr.position WHERE created_date = $1", date);
        sql.update("""
                UPDATE clr.position SET close = prev_close, close_date = prev_close_date WHERE close_date = $1""", date);
        sql.update("DELETE FROM trd.trade_cfm WHERE biz_date = $1", date);
        sql.update("DELETE FROM trd.trade_app WHERE biz_date = $1", date);
        sql.update("DELETE FROM acct.account WHERE opened_date = $1", date);
        sql.update("DELETE FROM acct.account_app WHERE biz_date = $1", date);
        sql.update("DELETE FROM trd.inbox_file WHERE biz_date = $1", date);
        sql.update("DELETE FROM clr.quote WHERE biz_date = $1", date);
        sql.update("DELETE FROM clr.fund WHERE effective_date = $1", date);
    }
}
