package io.openta.dayinit.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;
import io.openta.model.ofd.OfdRecord;
import io.openta.model.rules.FundTerms;
import io.openta.runtime.db.FundCatalogueSql;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.DayFailure;
import io.vertx.mutiny.sqlclient.Row;

/** 07 quotes: one per catalogue fund, each valid, or the day fails (spec 2.1). */
@ApplicationScoped
public class QuoteLoader {
    private static final BigDecimal MONEY_MARKET_NAV = new BigDecimal("1.0000");
    /** The 04 file's NAV is N7,4: a quote must fit it (a version-22 quote carries N16,8). */
    private static final BigDecimal MAX_NAV = new BigDecimal("999.9999");
    private static final Set<String> STATUSES = Set.of("0", "1", "4", "5", "6", "8", "9");

    record Quote(String fund, BigDecimal nav, BigDecimal income, BigDecimal yield, String status) {
    }

    long load(Sql sql, String date, List<OfdCheck> files) throws IOException {
        Map<String, String> catalogue = new HashMap<>();
        for (Row row : sql.list("SELECT fund_code, fund_type FROM " + FundCatalogueSql.ON_DATE + " f", date)) {
            catalogue.put(row.getString("fund_code"), row.getString("fund_type"));
        }
        Map<String, Quote> quotes = new HashMap<>();
        long records = 0;
        for (OfdCheck file : files) {
            String name = file.file().getFileName().toString();
            OfdReader.forEachRecord(file.file(), file.header(), (no, r) -> {
                Quote q = parse(r, date, catalogue, "file " + name + " record " + no + ": ");
                if (quotes.put(q.fund(), q) != null) {
                    throw new DayFailure("fund " + q.fund() + " has two quotes (file " + name + " record " + no + ")");
                }
            });
            records += file.recordCount();
        }
        TreeSet<String> missing = new TreeSet<>(catalogue.keySet());
        missing.removeAll(quotes.keySet());
        if (!missing.isEmpty()) {
            throw new DayFailure("no quote for catalogue fund " + String.join(", ", missing));
        }
        sql.update("DELETE FROM clr.quote WHERE biz_date = $1", date);
        for (Quote q : quotes.values()) {
            sql.update("""
                    INSERT INTO clr.quote (biz_date, fund_code, nav, income_per_10k, yield, fund_status)
                    VALUES ($1, $2, $3, $4, $5, $6)""", date, q.fund(), q.nav(), q.income(), q.yield(), q.status());
        }
        return records;
    }

    private static Quote parse(OfdRecord r, String date, Map<String, String> catalogue, String where) {
        String fund = r.trimmed("FundCode");
        String type = catalogue.get(fund);
        if (type == null) {
            throw new DayFailure(where + "quote for fund '" + fund + "' outside the catalogue");
        }
        if (!date.equals(r.trimmed("UpdateDate"))) {
            throw new DayFailure(where + "UpdateDate " + r.trimmed("UpdateDate") + " is not " + date);
        }
        BigDecimal nav = number(r, "NAV").orElseThrow(() -> new DayFailure(where + "NAV is not digits"));
        if (nav.signum() == 0) {
            throw new DayFailure(where + "NAV of fund " + fund + " is 0");
        }
        if (nav.compareTo(MAX_NAV) > 0 || nav.stripTrailingZeros().scale() > 4) {
            throw new DayFailure(where + "NAV " + nav.toPlainString() + " of fund " + fund
                    + " does not fit the 04 file's N7,4");
        }
        nav = nav.setScale(4);
        boolean moneyMarket = FundTerms.MONEY_MARKET.equals(type);
        if (moneyMarket && nav.compareTo(MONEY_MARKET_NAV) != 0) {
            throw new DayFailure("money-market NAV must be 1.0000 (" + where + "fund " + fund + " NAV " + nav + ")");
        }
        BigDecimal income = number(r, "FundIncome")
                .orElseThrow(() -> new DayFailure(where + "FundIncome is not digits"));
        String incomeFlag = r.text("FundIncomeFlag");
        String yieldFlag = r.text("YieldFlag");
        if (!"0".equals(incomeFlag) && !"1".equals(incomeFlag)) {
            throw new DayFailure(where + "FundIncomeFlag '" + incomeFlag + "' is not 0 or 1");
        }
        if (!"0".equals(yieldFlag) && !"1".equals(yieldFlag)) {
            throw new DayFailure(where + "YieldFlag '" + yieldFlag + "' is not 0 or 1");
        }
        String status = r.text("FundStatus");
        if (!STATUSES.contains(status)) {
            throw new DayFailure(where + "FundStatus '" + status + "' is not 0, 1, 4, 5, 6, 8 or 9");
        }
        // a NAV fund's FundIncome is ignored: it earns no daily income
        BigDecimal u = moneyMarket ? ("1".equals(incomeFlag) ? income.negate() : income) : BigDecimal.ZERO.setScale(5);
        BigDecimal yield = r.has("Yield") ? number(r, "Yield").orElse(BigDecimal.ZERO.setScale(5))
                : BigDecimal.ZERO.setScale(5);
        if ("1".equals(yieldFlag)) {
            yield = yield.negate();
        }
        return new Quote(fund, nav, u, yield, status);
    }

    private static Optional<BigDecimal> number(OfdRecord r, String field) {
        return r.number(field);
    }
}
