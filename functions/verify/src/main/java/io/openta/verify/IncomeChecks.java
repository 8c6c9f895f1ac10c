package io.openta.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code income} check (spec 2.4): per fund, Σ income = Σ raw rounded half away from zero to 0.01, and the fund
 * is a money-market fund (FundType 04) of D with a quote; per row raw = eligible x u / 10000 exactly, base = raw
 * truncated, income = base or base plus one cent with the sign of u, the cents going to the largest
 * |raw - base| (then larger e, then smaller TAAccountID in byte order), eligible = the position's shares before D
 * and the distributor the position's; every money-market position with shares before D has a row.
 */
final class IncomeChecks {
    private static final String C = VerifyReport.INCOME;
    private static final String TABLE = "clr.income";
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Day day;
    private final VerifyReport report;

    IncomeChecks(Day day) {
        this.day = day;
        this.report = day.report();
    }

    void run() throws SQLException {
        String date = day.date();
        report.begin(C, "Σ income = R per money-market fund; raw, base and the residue cents of every row");
        Map<String, Long> cents = new HashMap<>();
        day.db().query("""
                SELECT i.fund_code, count(*) AS n, sum(i.income) AS s_income, sum(i.raw) AS s_raw,
                  sum(i.base) AS s_base, q.income_per_10k AS u, f.fund_type
                FROM clr.income i
                LEFT JOIN clr.quote q ON q.biz_date = :d AND q.fund_code COLLATE "C" = i.fund_code
                LEFT JOIN""" + " " + StateSql.FUNDS_OF_D + """
                 f ON f.fund_code = i.fund_code
                WHERE i.biz_date = :d GROUP BY i.fund_code, q.income_per_10k, f.fund_type
                ORDER BY i.fund_code""", rs -> {
            String fund = rs.getString("fund_code");
            String rec = "fund " + fund;
            if (!StateSql.MONEY_MARKET.equals(rs.getString("fund_type"))) {
                report.mismatch(C, TABLE, rec, "a money-market fund (type " + StateSql.MONEY_MARKET + ") of " + date,
                        rs.getString("fund_type") == null ? "no fund" : "type " + rs.getString("fund_type"));
            }
            if (rs.getBigDecimal("u") == null) {
                report.mismatch(C, "clr.quote", rec, "a quote on " + date, "none");
            }
            BigDecimal r = rs.getBigDecimal("s_raw").setScale(2, RoundingMode.HALF_UP);   // half away from zero
            BigDecimal sum = rs.getBigDecimal("s_income");
            if (sum.compareTo(r) != 0) {
                report.mismatch(C, TABLE, rec, "Σ income = R = " + Labels.plain(r) + " (Σ raw "
                        + Labels.plain(rs.getBigDecimal("s_raw")) + " over " + rs.getLong("n") + " positions)",
                        "Σ income " + Labels.plain(sum));
            }
            cents.put(fund, r.subtract(rs.getBigDecimal("s_base")).movePointRight(2).abs().longValue());
        });
        Writers writers = Writers.load(day.db());
        day.db().query("WITH " + StateSql.STATE + """
                 SELECT i.ta_account_id, i.fund_code, i.distributor, i.eligible, i.raw, i.base, i.income, i.slot,
                  q.income_per_10k AS u, s.start_d, s.distributor AS position_distributor,
                  row_number() OVER (PARTITION BY i.fund_code ORDER BY abs(i.raw - i.base) DESC, i.eligible DESC,
                    i.ta_account_id) AS rank
                FROM clr.income i
                LEFT JOIN clr.quote q ON q.biz_date = :d AND q.fund_code COLLATE "C" = i.fund_code
                LEFT JOIN state s ON s.slot = i.slot AND s.ta_account_id = i.ta_account_id AND s.fund_code = i.fund_code
                WHERE i.biz_date = :d ORDER BY i.fund_code, i.ta_account_id""", rs -> {
            report.records(C, 1);
            String fund = rs.getString("fund_code");
            String rec = Labels.position(rs.getString("ta_account_id"), fund);
            // a wrong row is named with the version and track of the profit task (step income) that wrote it
            VerifyReport.Writer w = writers.ofIncome(rs.getInt("slot"), rs.getString("ta_account_id"));
            BigDecimal e = rs.getBigDecimal("eligible");
            BigDecimal raw = rs.getBigDecimal("raw");
            BigDecimal base = rs.getBigDecimal("base");
            BigDecimal income = rs.getBigDecimal("income");
            BigDecimal u = rs.getBigDecimal("u");
            BigDecimal start = rs.getBigDecimal("start_d");
            if (e.signum() <= 0) {
                report.mismatch(C, TABLE, rec, "eligible > 0", Labels.plain(e), w);
            }
            if (start != null && start.compareTo(e) != 0) {
                report.mismatch(C, TABLE, rec, "eligible = shares before " + date + " = " + Labels.plain(start),
                        Labels.plain(e), w);
            }
            if (start != null && !rs.getString("position_distributor").equals(rs.getString("distributor"))) {
                report.mismatch(C, TABLE, rec, "distributor " + rs.getString("position_distributor"),
                        rs.getString("distributor"), w);
            }
            if (u != null) {
                BigDecimal expectedRaw = e.multiply(u).movePointLeft(4);
                if (expectedRaw.compareTo(raw) != 0) {
                    report.mismatch(C, TABLE, rec, "raw = " + Labels.plain(e) + " x " + Labels.plain(u)
                            + " / 10000 = " + Labels.plain(expectedRaw), Labels.plain(raw), w);
                }
            }
            BigDecimal truncated = raw.setScale(2, RoundingMode.DOWN);
            if (truncated.compareTo(base) != 0) {
                report.mismatch(C, TABLE, rec, "base = raw truncated = " + Labels.plain(truncated),
                        Labels.plain(base), w);
            }
            int sign = u != null ? u.signum() : raw.signum();
            BigDecimal withCent = base.add(CENT.multiply(BigDecimal.valueOf(sign)));
            boolean plainBase = income.compareTo(base) == 0;
            boolean cent = sign != 0 && income.compareTo(withCent) == 0;
            if (!plainBase && !cent) {
                report.mismatch(C, TABLE, rec, "income = base " + Labels.plain(base)
                        + (sign != 0 ? " or " + Labels.plain(withCent) : ""), Labels.plain(income), w);
            } else {
                long k = cents.getOrDefault(fund, 0L);
                boolean due = rs.getLong("rank") <= k;
                if (due != cent) {
                    report.mismatch(C, TABLE, rec, due ? "the residue cent (place " + rs.getLong("rank") + " of "
                            + k + " by |raw - base|, e, TAAccountID): income " + Labels.plain(withCent)
                            : "no residue cent (place " + rs.getLong("rank") + ", only " + k + " cents): income "
                            + Labels.plain(base), Labels.plain(income), w);
                }
            }
        });
        day.db().query("WITH " + StateSql.STATE + """
                 SELECT s.ta_account_id, s.fund_code, s.start_d FROM state s
                JOIN""" + " " + StateSql.FUNDS_OF_D + """
                 f ON f.fund_code = s.fund_code AND f.fund_type = '04'
                JOIN clr.quote q ON q.biz_date = :d AND q.fund_code COLLATE "C" = s.fund_code
                WHERE s.start_d > 0 AND NOT EXISTS (SELECT 1 FROM clr.income i WHERE i.biz_date = :d
                  AND i.slot = s.slot AND i.ta_account_id = s.ta_account_id AND i.fund_code = s.fund_code)
                ORDER BY s.ta_account_id, s.fund_code""", rs -> report.mismatch(C, TABLE,
                Labels.position(rs.getString("ta_account_id"), rs.getString("fund_code")),
                "an income row (money-market position with " + Labels.plain(rs.getBigDecimal("start_d"))
                        + " shares before " + date + ")", "none"));
    }
}
