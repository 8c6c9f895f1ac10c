package io.openta.dayinit.service;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;
import io.openta.model.ofd.OfdRecord;
import io.openta.runtime.db.ColumnBatch;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.DayFailure;

/**
 * C5 fee tables (spec 2.1): for every (FundCode, BusinessCode) that T's C5 records name, the table becomes exactly
 * those records from T on, in file-name then record order. Records of every code and method are kept; clearing uses
 * codes 122 and 124 with methods 0 and 1 (spec 2.3).
 */
@ApplicationScoped
public class FeeTableLoader {
    private static final String INSERT = """
            INSERT INTO clr.fee_rate (fund_code, business_code, effective_date, seq, method, lower_limit, upper_limit,
              rate, constant_fee, min_fee, max_fee)
            SELECT f, b, $1, s, m, l, u, r, c, mi, ma FROM unnest($2::text[], $3::text[], $4::text[]::int[], $5::text[],
              $6::text[]::numeric[], $7::text[]::numeric[], $8::text[]::numeric[], $9::text[]::numeric[],
              $10::text[]::numeric[], $11::text[]::numeric[]) AS n(f, b, s, m, l, u, r, c, mi, ma)""";
    private static final String[] AMOUNTS = {"AmountLowerLimit", "AmountUpperLimit", "RateFee", "ConstantFee",
            "MinFee", "MaxFee"};

    long load(Sql sql, String date, List<OfdCheck> files) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        long records = 0;
        for (OfdCheck file : files) {
            String name = file.file().getFileName().toString();
            OfdReader.forEachRecord(file.file(), file.header(),
                    (no, r) -> rows.add(parse(r, "file " + name + " record " + no + ": ", rows.size())));
            records += file.recordCount();
        }
        sql.update("DELETE FROM clr.fee_rate WHERE effective_date = $1", date);
        ColumnBatch batch = new ColumnBatch(sql, INSERT, 10, date);
        for (Object[] row : rows) {
            batch.add(row);
        }
        batch.flush();
        return records;
    }

    private static Object[] parse(OfdRecord r, String where, int seq) {
        String fund = r.trimmed("FundCode");
        if (fund.isEmpty()) {
            throw new DayFailure(where + "blank FundCode");
        }
        String code = r.text("BusinessCode");
        if (!code.matches("[0-9]{3}")) {
            throw new DayFailure(where + "BusinessCode '" + code + "' is not 3 digits");
        }
        String method = r.text("GetFeeRateMethod");
        if (!method.matches("[0-3]")) {
            throw new DayFailure(where + "GetFeeRateMethod '" + method + "' is not 0, 1, 2 or 3");
        }
        Object[] row = new Object[10];
        row[0] = fund;
        row[1] = code;
        row[2] = seq;
        row[3] = method;
        for (int i = 0; i < AMOUNTS.length; i++) {
            String field = AMOUNTS[i];
            BigDecimal v = r.number(field).orElseThrow(() -> new DayFailure(where + field + " is not digits"));
            row[4 + i] = v;
        }
        return row;
    }
}
