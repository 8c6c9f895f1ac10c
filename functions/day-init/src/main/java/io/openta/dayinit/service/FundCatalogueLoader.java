package io.openta.dayinit.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.ofd.FieldDictionary;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdNumbers;
import io.openta.model.ofd.OfdReader;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.DayFailure;

/** C1 records add or replace funds from T on: files in name order, records in file order, a later record wins. */
@ApplicationScoped
public class FundCatalogueLoader {

    record FundRow(String code, String name, String type, BigDecimal purchaseFee, BigDecimal redemptionFee) {
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
                if (!"01".equals(type) && !"02".equals(type)) {
                    throw new DayFailure(where + "FundType '" + type + "' is not 01 or 02");
                }
                BigDecimal purchase = OfdNumbers.parse(r.text("PurchaseFeeRate"), FieldDictionary.get("PurchaseFeeRate"))
                        .orElseThrow(() -> new DayFailure(where + "PurchaseFeeRate is not digits"));
                BigDecimal redemption = OfdNumbers
                        .parse(r.text("RedemptionFeeRate"), FieldDictionary.get("RedemptionFeeRate"))
                        .orElseThrow(() -> new DayFailure(where + "RedemptionFeeRate is not digits"));
                funds.put(code, new FundRow(code, r.trimmed("FundName"), type, purchase, redemption));
            });
            records += file.recordCount();
        }
        sql.update("DELETE FROM clr.fund WHERE effective_date = $1", date);
        for (FundRow f : funds.values()) {
            sql.update("""
                    INSERT INTO clr.fund (fund_code, effective_date, fund_name, fund_type, purchase_fee_rate, redemption_fee_rate)
                    VALUES ($1, $2, $3, $4, $5, $6)""", f.code(), date, f.name(), f.type(), f.purchaseFee(),
                    f.redemptionFee());
        }
        return records;
    }
}
