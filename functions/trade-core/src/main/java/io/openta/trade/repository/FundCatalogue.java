package io.openta.trade.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.openta.model.rules.FeeRecord;
import io.openta.model.rules.FeeTable;
import io.openta.model.rules.FundTerms;
import io.openta.runtime.db.FundCatalogueSql;
import io.openta.runtime.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The funds of day T with their quotes and fee tables: the catalogue as of T (latest C1 record per fund) joined to
 * T's quotes, and the C5 tables of codes 122 and 124 in force on T.
 */
public final class FundCatalogue {
    /** SQL of the catalogue on date $1, one row per fund. */
    public static final String CATALOGUE_ON = FundCatalogueSql.ON_DATE;
    /** The C5 table a purchase is priced by (its confirmation code); redemptions use 124. */
    private static final String PURCHASE_TABLE = "122";

    private FundCatalogue() {
    }

    /**
     * The fee tables in force on $1: for each (fund, confirmation code), the records of the latest C5 day on or before
     * $1 that named it, in table order.
     */
    private static final String FEE_TABLES_ON = """
            SELECT r.* FROM clr.fee_rate r
            JOIN (SELECT fund_code, business_code, max(effective_date) AS effective_date FROM clr.fee_rate
                  WHERE effective_date <= $1 AND business_code IN ('122', '124') GROUP BY fund_code, business_code) t
              ON t.fund_code = r.fund_code AND t.business_code = r.business_code
              AND t.effective_date = r.effective_date
            ORDER BY r.fund_code, r.business_code, r.seq""";

    public static Map<String, FundTerms> load(Sql sql, String date) {
        Map<String, List<FeeRecord>> purchase = new HashMap<>();
        Map<String, List<FeeRecord>> redemption = new HashMap<>();
        for (Row r : sql.list(FEE_TABLES_ON, date)) {
            FeeRecord fee = new FeeRecord(r.getString("method"), r.getBigDecimal("lower_limit"),
                    r.getBigDecimal("upper_limit"), r.getBigDecimal("rate"), r.getBigDecimal("constant_fee"),
                    r.getBigDecimal("min_fee"), r.getBigDecimal("max_fee"));
            (PURCHASE_TABLE.equals(r.getString("business_code")) ? purchase : redemption)
                    .computeIfAbsent(r.getString("fund_code"), k -> new ArrayList<>()).add(fee);
        }
        Map<String, FundTerms> funds = new HashMap<>();
        for (Row r : sql.list("SELECT f.fund_code, f.fund_type, q.nav, q.income_per_10k, q.fund_status FROM "
                + CATALOGUE_ON + " f JOIN clr.quote q ON q.biz_date = $1 AND q.fund_code = f.fund_code", date)) {
            String code = r.getString("fund_code");
            funds.put(code, new FundTerms(FundTerms.MONEY_MARKET.equals(r.getString("fund_type")),
                    r.getBigDecimal("nav"), new FeeTable(purchase.getOrDefault(code, List.of())),
                    new FeeTable(redemption.getOrDefault(code, List.of())), r.getString("fund_status"),
                    r.getBigDecimal("income_per_10k")));
        }
        return funds;
    }
}
