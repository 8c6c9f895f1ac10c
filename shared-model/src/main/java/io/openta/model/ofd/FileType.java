package io.openta.model.ofd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The file types of spec 1.4 with their exact written layouts. */
public enum FileType {
    ACCOUNT_APPLICATIONS("01", true,
            "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID", "DistributorCode",
            "BusinessCode", "IndividualOrInstitution"),
    ACCOUNT_CONFIRMATIONS("02", false,
            "AppSheetSerialNo", "TransactionCfmDate", "TransactionAccountID", "DistributorCode", "BusinessCode",
            "TAAccountID", "ReturnCode"),
    TRADE_APPLICATIONS("03", true,
            "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID", "DistributorCode",
            "TAAccountID", "BusinessCode", "FundCode", "ApplicationAmount", "ApplicationVol"),
    TRADE_CONFIRMATIONS("04", false,
            "AppSheetSerialNo", "TASerialNO", "TransactionCfmDate", "TransactionDate", "TransactionAccountID",
            "DistributorCode", "TAAccountID", "BusinessCode", "FundCode", "ApplicationAmount", "ApplicationVol",
            "ConfirmedAmount", "ConfirmedVol", "Charge", "NAV", "ReturnCode"),
    SHARE_BALANCES("05", false,
            "TransactionCfmDate", "DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode",
            "TotalVolOfDistributorInTA"),
    INCOME("06", false,
            "TransactionCfmDate", "DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode",
            "DividendType", "DividentDate", "BasisforCalculatingDividend", "DividendAmount", "DividendAmountFlag",
            "VolOfDividendforReinvestment"),
    FUND_QUOTES("07", true,
            "FundCode", "UpdateDate", "NAV", "FundIncome", "FundIncomeFlag", "Yield", "YieldFlag", "FundStatus"),
    FUND_PARAMETERS("C1", true,
            "FundCode", "FundName", "FundType", "PurchaseFeeRate", "RedemptionFeeRate");

    private final String code;
    private final boolean input;
    private final List<FieldDef> layout;
    private final int recordWidth;

    FileType(String code, boolean input, String... fields) {
        this.code = code;
        this.input = input;
        List<FieldDef> l = new ArrayList<>(fields.length);
        int w = 0;
        for (String f : fields) {
            FieldDef d = FieldDictionary.get(f);
            l.add(d);
            w += d.width();
        }
        this.layout = Collections.unmodifiableList(l);
        this.recordWidth = w;
    }

    /** "01".."07" or "C1". */
    public String code() {
        return code;
    }

    /** True for the types the TA reads: 01, 03, 07, C1. */
    public boolean input() {
        return input;
    }

    /** The exact field order of spec 1.4 (unmodifiable). */
    public List<FieldDef> layout() {
        return layout;
    }

    /** Sum of the layout's widths. */
    public int recordWidth() {
        return recordWidth;
    }

    /** The type of that exact code ("C1" is upper case), or empty. */
    public static Optional<FileType> byCode(String code) {
        if (code != null) {
            for (FileType t : values()) {
                if (t.code.equals(code)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }
}
