package io.openta.model.ofd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The field dictionary of spec 1.3: all 35 fields, names are case-sensitive. */
public final class FieldDictionary {

    private static final List<FieldDef> ALL;
    private static final Map<String, FieldDef> BY_NAME;

    static {
        List<FieldDef> l = new ArrayList<>();
        a(l, "AppSheetSerialNo", 24);
        a(l, "TransactionDate", 8);
        a(l, "TransactionTime", 6);
        a(l, "TransactionAccountID", 17);
        c(l, "DistributorCode", 9);
        a(l, "TAAccountID", 12);
        a(l, "BusinessCode", 3);
        c(l, "FundCode", 6);
        a(l, "IndividualOrInstitution", 1);
        n(l, "ApplicationAmount", 16, 2);
        n(l, "ApplicationVol", 16, 2);
        a(l, "TransactionCfmDate", 8);
        a(l, "TASerialNO", 20);
        n(l, "ConfirmedAmount", 16, 2);
        n(l, "ConfirmedVol", 16, 2);
        n(l, "Charge", 10, 2);
        n(l, "NAV", 7, 4);
        a(l, "ReturnCode", 4);
        n(l, "TotalVolOfDistributorInTA", 16, 2);
        c(l, "DividendType", 1);
        a(l, "DividentDate", 8);
        n(l, "BasisforCalculatingDividend", 16, 2);
        n(l, "DividendAmount", 16, 2);
        c(l, "DividendAmountFlag", 1);
        n(l, "VolOfDividendforReinvestment", 16, 2);
        a(l, "UpdateDate", 8);
        n(l, "FundIncome", 8, 5);
        c(l, "FundIncomeFlag", 1);
        n(l, "Yield", 8, 5);
        c(l, "YieldFlag", 1);
        c(l, "FundStatus", 1);
        c(l, "FundName", 40);
        c(l, "FundType", 2);
        n(l, "PurchaseFeeRate", 9, 8);
        n(l, "RedemptionFeeRate", 9, 8);
        ALL = Collections.unmodifiableList(l);
        Map<String, FieldDef> m = new HashMap<>();
        for (FieldDef d : l) {
            m.put(d.name(), d);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private FieldDictionary() {
    }

    private static void a(List<FieldDef> l, String name, int width) {
        l.add(new FieldDef(name, FieldType.A, width, 0));
    }

    private static void c(List<FieldDef> l, String name, int width) {
        l.add(new FieldDef(name, FieldType.C, width, 0));
    }

    private static void n(List<FieldDef> l, String name, int width, int decimals) {
        l.add(new FieldDef(name, FieldType.N, width, decimals));
    }

    /** The field of that exact name, or empty. */
    public static Optional<FieldDef> find(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The field of that exact name; {@link IllegalArgumentException} naming it if unknown. */
    public static FieldDef get(String name) {
        FieldDef d = name == null ? null : BY_NAME.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown OFD field: " + name);
        }
        return d;
    }

    /** All 35 fields in the order of spec 1.3 (unmodifiable). */
    public static List<FieldDef> all() {
        return ALL;
    }
}
