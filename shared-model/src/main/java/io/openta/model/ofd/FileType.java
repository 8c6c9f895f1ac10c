package io.openta.model.ofd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file types of the contract (spec 1.4, 1.6) with the fields the TA needs from the types it reads and the
 * standard layouts ({@code v2/layouts-21.tsv}, version-21 definitions) of the types it writes.
 */
public enum FileType {
    ACCOUNT_APPLICATIONS("01", true,
            "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID", "DistributorCode",
            "BusinessCode", "IndividualOrInstitution"),
    ACCOUNT_CONFIRMATIONS("02", false),
    TRADE_APPLICATIONS("03", true,
            "AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID", "DistributorCode",
            "TAAccountID", "BusinessCode", "FundCode", "ApplicationAmount", "ApplicationVol"),
    TRADE_CONFIRMATIONS("04", false),
    /** Share balances; its required fields are those a migration (spec 2.9) needs. */
    SHARE_BALANCES("05", false,
            "DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode", "TotalVolOfDistributorInTA"),
    INCOME("06", false),
    FUND_QUOTES("07", true,
            "FundCode", "UpdateDate", "NAV", "FundIncome", "FundIncomeFlag", "Yield", "YieldFlag", "FundStatus"),
    FUND_PARAMETERS("C1", true,
            "FundCode", "FundName", "FundType"),
    FEE_RATES("C5", true,
            "FundCode", "BusinessCode", "GetFeeRateMethod", "AmountLowerLimit", "AmountUpperLimit", "RateFee",
            "ConstantFee", "MinFee", "MaxFee");

    private final String code;
    private final boolean input;
    private final List<String> required;

    FileType(String code, boolean input, String... required) {
        this.code = code;
        this.input = input;
        this.required = List.of(required);
    }

    /** "01" ... "07", "C1" or "C5". */
    public String code() {
        return code;
    }

    /** True for the types the TA reads on a day: 01, 03, 07, C1, C5. */
    public boolean input() {
        return input;
    }

    /**
     * The canonical names of the fields the TA needs from a file of this type (spec 1.4; for 05 those of a
     * migration, spec 2.9). Empty for 02, 04 and 06, which the TA only writes.
     */
    public List<String> requiredFields() {
        return required;
    }

    /** The standard layout of an output type (02, 04, 05, 06) with version-21 definitions; empty otherwise. */
    public List<FieldDef> layout() {
        return Layouts.LAYOUTS.get(this);
    }

    /** Sum of the widths of {@link #layout()} (02: 465, 04: 1234, 05: 191, 06: 440); 0 for input types. */
    public int recordWidth() {
        return Layouts.WIDTHS.get(this);
    }

    /** The type of that exact code (upper case: "C1", "C5"), or empty. */
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

    /** Loaded on first use, after the enum constants exist. */
    private static final class Layouts {
        static final Map<FileType, List<FieldDef>> LAYOUTS = new EnumMap<>(FileType.class);
        static final Map<FileType, Integer> WIDTHS = new EnumMap<>(FileType.class);

        static {
            Map<FileType, List<FieldDef>> tmp = new EnumMap<>(FileType.class);
            for (FileType t : values()) {
                tmp.put(t, new ArrayList<>());
            }
            for (String[] row : SpecData.rows(SpecData.LAYOUTS_21)) {
                FileType t = byCode(row[0].trim()).orElseThrow(
                        () -> new IllegalStateException("layouts-21.tsv: unknown type " + row[0]));
                List<FieldDef> l = tmp.get(t);
                int position = Integer.parseInt(row[1].trim());
                if (position != l.size() + 1) {
                    throw new IllegalStateException("layouts-21.tsv: type " + row[0] + " position " + position
                            + " out of order");
                }
                l.add(FieldDictionary.v21().field(row[2].trim()));
            }
            for (FileType t : values()) {
                List<FieldDef> l = tmp.get(t);
                int w = 0;
                for (FieldDef d : l) {
                    w += d.width();
                }
                LAYOUTS.put(t, Collections.unmodifiableList(l));
                WIDTHS.put(t, w);
            }
        }
    }
}
