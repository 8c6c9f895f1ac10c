package io.openta.trade.repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.openta.model.rules.ApplicationChecks;
import io.openta.model.rules.Confirmation;
import io.openta.model.rules.FundTerms;
import io.openta.model.rules.PositionBook;
import io.openta.model.rules.Texts;
import io.openta.model.rules.TradeRules;
import io.openta.runtime.db.ColumnBatch;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.StreamedRow;
import io.openta.runtime.release.Lane;
import io.openta.runtime.release.LaneFilter;

/**
 * Confirms one shard of one clearing (batch 000 main, 001.. secondary). The applications of a position are taken in
 * order of TransactionTime, AppSheetSerialNo, record order, through one {@link PositionBook}; that sequence is why
 * this step holds rows in Java. Confirmations, position moves and new positions go back in bulk.
 */
public final class TradeBatchClearing {
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * The shard's routed applications ({@link TradeRouting}: the routing carries the application's fields, so the
     * applications table is not read again) with their positions. A routed application's account has the
     * application's DistributorCode and TransactionAccountID (routing refuses any other with 0518), so the new
     * position takes them from the application, without reading acct.account again in every shard. The slot leads
     * the order (a position's applications stay together: the slot is its account's): the new positions and the
     * moves then reach their primary keys, which lead with the slot, in key order, and a partition's rows lie in key
     * order for the days after. Keeping a 1,000,000-row primary key up to date took 1.0 s in key order against 2.3 s
     * in another order (clr.income's, in psql).
     */
    private static final String APPLICATIONS = """
            SELECT r.sender, r.record_no, r.business_code, rtrim(r.fund_code) AS fund, r.app_amount, r.app_vol,
              r.pre_code, r.ta_account_id, r.ta_account_text, r.slot,
              rtrim(r.distributor) AS account_distributor, rtrim(r.txn_account_id) AS account_txn,
              p.ta_account_id IS NOT NULL AS has_position, p.close, p.close_date, p.prev_close
            FROM trd.trade_route r
            LEFT JOIN clr.position p ON p.slot = r.slot AND p.ta_account_id = r.ta_account_id
              AND p.fund_code = rtrim(r.fund_code) AND p.slot >= $3 AND p.slot < $4
            WHERE r.biz_date = $1 AND r.batch = $2 AND r.slot >= $3 AND r.slot < $4 AND %s
            ORDER BY r.slot, r.ta_account_id NULLS FIRST, rtrim(r.fund_code) COLLATE "C", r.txn_time COLLATE "C",
              r.serial COLLATE "C", r.record_no""";

    private static final String INSERT_CONFIRMATIONS = """
            INSERT INTO trd.trade_cfm (biz_date, batch, sender, record_no, slot, ta_account_text, business_code,
              app_amount, app_vol, cfm_amount, cfm_vol, charge, nav, return_code, rate_fee)
            SELECT $1, $2, * FROM unnest($3::text[], $4::text[]::int[], $5::text[]::int[], $6::text[], $7::text[],
              $8::text[]::numeric[], $9::text[]::numeric[], $10::text[]::numeric[], $11::text[]::numeric[],
              $12::text[]::numeric[], $13::text[]::numeric[], $14::text[], $15::text[]::numeric[])""";

    private static final String INSERT_MOVES = """
            INSERT INTO clr.position_move (biz_date, batch, slot, ta_account_id, fund_code, purchased, redeemed)
            SELECT $1, $2, * FROM unnest($3::text[]::int[], $4::text[], $5::text[],
              $6::text[]::numeric[], $7::text[]::numeric[])""";

    private static final String INSERT_POSITIONS = """
            INSERT INTO clr.position (slot, ta_account_id, fund_code, distributor, txn_account_id, close, close_date,
              prev_close, prev_close_date, created_date)
            SELECT s, a, f, d, x, c, $1, 0, '00000000', $1 FROM unnest($2::text[]::int[], $3::text[],
              $4::text[], $5::text[], $6::text[], $7::text[]::numeric[]) AS n(s, a, f, d, x, c)""";

    /** Secondary clearing moves the close at once; the close before T is kept the first time T touches it. */
    private static final String APPLY_TO_CLOSE = """
            UPDATE clr.position p SET
              prev_close = CASE WHEN p.close_date = $1 THEN p.prev_close ELSE p.close END,
              prev_close_date = CASE WHEN p.close_date = $1 THEN p.prev_close_date ELSE p.close_date END,
              close = p.close + n.delta, close_date = $1
            FROM unnest($4::text[]::int[], $5::text[], $6::text[], $7::text[]::numeric[]) AS n(s, a, f, delta)
            WHERE p.slot = n.s AND p.ta_account_id = n.a AND p.fund_code = n.f AND p.slot >= $2 AND p.slot < $3""";

    private TradeBatchClearing() {
    }

    /** Clears the shard's applications; returns how many were confirmed or refused. */
    public static long clearShard(Sql sql, String date, String batch, int slotFrom, int slotTo) {
        return clearShard(sql, date, batch, slotFrom, slotTo, LaneFilter.ALL, BigDecimal.ZERO);
    }

    /**
     * As {@link #clearShard(Sql, String, String, int, int)}, the applications of {@code lane} only (an application's
     * lane is its account's, its confirmation's and position move's with it), every purchase charged
     * {@code purchaseChargeBias} more (non-zero only under the {@code charge-plus-one-cent} failpoint).
     */
    public static long clearShard(Sql sql, String date, String batch, int slotFrom, int slotTo, LaneFilter lane,
            BigDecimal purchaseChargeBias) {
        boolean secondary = !"000".equals(batch);
        Map<String, FundTerms> funds = FundCatalogue.load(sql, date);
        String appsOfLane = lane.sql(5, "r.slot", "r.ta_account_id");
        sql.update("DELETE FROM trd.trade_cfm WHERE biz_date = $1 AND batch = $2 AND slot >= $3 AND slot < $4 "
                + (lane.lane() == Lane.ALL ? "" : """
                         AND (sender, record_no) IN (SELECT r.sender, r.record_no FROM trd.trade_route r
                          WHERE r.biz_date = $1 AND r.batch = $2 AND r.slot >= $3 AND r.slot < $4 AND\s"""
                        + appsOfLane + ")"), lane.args(date, batch, slotFrom, slotTo));
        sql.update("DELETE FROM clr.position_move m WHERE biz_date = $1 AND batch = $2 AND slot >= $3 AND slot < $4 "
                + "AND " + lane.sql(5, "m.slot", "m.ta_account_id"), lane.args(date, batch, slotFrom, slotTo));
        ColumnBatch confirmations = new ColumnBatch(sql, INSERT_CONFIRMATIONS, 13, date, batch);
        ColumnBatch moves = new ColumnBatch(sql, INSERT_MOVES, 5, date, batch);
        ColumnBatch created = new ColumnBatch(sql, INSERT_POSITIONS, 6, date);
        ColumnBatch closes = new ColumnBatch(sql, APPLY_TO_CLOSE, 4, date, slotFrom, slotTo);

        List<StreamedRow> group = new ArrayList<>();
        long count = sql.stream(APPLICATIONS.formatted(appsOfLane), 2000, row -> {
            if (!group.isEmpty() && !samePosition(group.get(0), row)) {
                clearPosition(group, date, secondary, funds, purchaseChargeBias, confirmations, moves, created,
                        closes);
                group.clear();
            }
            group.add(row);
        }, lane.args(date, batch, slotFrom, slotTo));
        if (!group.isEmpty()) {
            clearPosition(group, date, secondary, funds, purchaseChargeBias, confirmations, moves, created, closes);
        }
        confirmations.flush();
        moves.flush();
        created.flush();
        closes.flush();
        return count;
    }

    private static boolean samePosition(StreamedRow a, StreamedRow b) {
        String accountA = a.getString("ta_account_id");
        return accountA != null
                && accountA.equals(b.getString("ta_account_id")) && a.getString("fund").equals(b.getString("fund"));
    }

    private static void clearPosition(List<StreamedRow> rows, String date, boolean secondary,
            Map<String, FundTerms> funds, BigDecimal purchaseChargeBias, ColumnBatch confirmations, ColumnBatch moves,
            ColumnBatch created, ColumnBatch closes) {
        StreamedRow first = rows.get(0);
        if (first.getString("ta_account_id") == null) {
            // refused before the position: each on its own
            for (StreamedRow r : rows) {
                addConfirmation(confirmations, r, TradeRules.refuse(r.getString("pre_code"), r.getString("app_amount"),
                        r.getString("app_vol")), funds.get(r.getString("fund")), false);
            }
            return;
        }
        FundTerms fund = funds.get(first.getString("fund"));
        boolean exists = first.getBoolean("has_position");
        BigDecimal close = exists ? first.getBigDecimal("close") : ZERO;
        BigDecimal startOfDay = exists && date.equals(first.getString("close_date")) ? first.getBigDecimal("prev_close")
                : close;
        PositionBook book = secondary ? PositionBook.secondaryClearing(close)
                : PositionBook.mainClearing(startOfDay, fund);
        for (StreamedRow r : rows) {
            Confirmation c = TradeRules.confirm(Texts.rtrim(r.getString("business_code")), r.getString("app_amount"),
                    r.getString("app_vol"), fund, book, purchaseChargeBias);
            addConfirmation(confirmations, r, c, fund, true);
        }
        if (book.purchased().signum() == 0 && book.redeemed().signum() == 0) {
            return;
        }
        int slot = first.getInteger("slot");
        String account = first.getString("ta_account_id");
        String fundCode = first.getString("fund");
        moves.add(slot, account, fundCode, book.purchased(), book.redeemed());
        BigDecimal delta = book.purchased().subtract(book.redeemed());
        if (!exists) {
            created.add(slot, account, fundCode, first.getString("account_distributor"), first.getString("account_txn"),
                    secondary ? delta : ZERO);
        } else if (secondary) {
            closes.add(slot, account, fundCode, delta);
        }
    }

    private static void addConfirmation(ColumnBatch confirmations, StreamedRow r, Confirmation c, FundTerms fund,
            boolean accountResolved) {
        String taAccount = accountResolved ? r.getString("ta_account_id") : r.getString("ta_account_text");
        BigDecimal nav = fund == null ? BigDecimal.ZERO.setScale(4) : fund.nav();
        confirmations.add(r.getString("sender"), r.getInteger("record_no"), r.getInteger("slot"), taAccount,
                ApplicationChecks.confirmationBusinessCode(r.getString("business_code")), c.applicationAmount(),
                c.applicationVol(), c.amount(), c.vol(), c.charge(), nav, c.code(), c.rateFee());
    }
}
