package io.openta.trade.repository;

import java.util.HashMap;
import java.util.Map;

import io.openta.model.rules.FundTerms;
import io.openta.runtime.db.FundCatalogueSql;
import io.openta.runtime.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

/** The funds of day T with their quotes: the catalogue as of T (latest C1 record per fund) joined to T's quotes. */
public final class FundCatalogue {
    /** SQL of the catalogue on date $1, one row per fund. */
    public static final String CATALOGUE_ON = FundCatalogueSql.ON_DATE;

    private FundCatalogue() {
    }

    public static Map<String, FundTerms> load(Sql sql, String date) {
        Map<String, FundTerms> funds = new HashMap<>();
        for (Row r : sql.list("SELECT f.fund_code, f.fund_type, f.purchase_fee_rate, f.redemption_fee_rate, q.nav, "
                + "q.income_per_10k, q.fund_status FROM " + CATALOGUE_ON + " f "
                + "JOIN clr.quote q ON q.biz_date = $1 AND q.fund_code = f.fund_code", date)) {
            funds.put(r.getString("fund_code"), new FundTerms("01".equals(r.getString("fund_type")),
                    r.getBigDecimal("nav"), r.getBigDecimal("purchase_fee_rate"),
                    r.getBigDecimal("redemption_fee_rate"), r.getString("fund_status"),
                    r.getBigDecimal("income_per_10k")));
        }
        return funds;
    }
}
