package io.openta.dayinit.service;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.DayFailure;

/**
 * C1 records add or replace funds from T on: files in name order, records in file order, a later record wins
 * (spec 2.1). FundType 01-03 are NAV funds, 04 money market.
 */
@ApplicationScoped
public class FundCatalogueLoader {
    private static final Set<String> FUND_TYPES = Set.of("01", "02", "03", "04");

    record FundRow(String code, String name, String type) {
    }

    long load(Sql sql, String date, List<OfdCheck> files) throws IOException {
        Map<String, FundRow> funds = new LinkedHashMap<>();
        long records = 0;
        for (OfdCheck file : files) {
            String name = file.file().getFileName().toString();
            OfdReader.forEachRecord(file.file(), file.header(), (no, r) -> {
                String where = "file " + name + " record " + no + ": ";
                String code = r.trimmed("FundCode");
                if (code.isEmpty()) {
                    throw new DayFailure(where + "blank FundCode");
                }
                String type = r.text("FundType");
                if (!FUND_TYPES.contains(type)) {
                    throw new DayFailure(where + "FundType '" + type + "' is not 01, 02, 03 or 04");
                }
                funds.put(code, new FundRow(code, r.has("FundName") ? r.trimmed("FundName") : "", type));
            });
            records += file.recordCount();
        }
        sql.update("DELETE FROM clr.fund WHERE effective_date = $1", date);
        for (FundRow f : funds.values()) {
            sql.update("INSERT INTO clr.fund (fund_code, effective_date, fund_name, fund_type) VALUES ($1, $2, $3, $4)",
                    f.code(), date, f.name(), f.type());
        }
        return records;
    }
}
