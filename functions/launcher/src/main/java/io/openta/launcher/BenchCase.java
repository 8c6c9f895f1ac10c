package io.openta.launcher;

import io.openta.model.rules.Numbers12;
import io.openta.model.ofd.FieldDef;
import io.openta.model.ofd.FieldDictionary;
import io.openta.model.ofd.FileType;
import io.openta.model.ofd.Gbk;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdFileWriter;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.OfdRecordBuilder;
import io.openta.model.ofd.OfiFileName;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * A scale case for {@code openta bench} in the v2 exchange files (GBK, version 21, the fields each type needs, an
 * OFI index per distributor): one money-market fund (FundType 04), ten distributors and N accounts.
 * <ul>
 * <li>day 1: fund parameters and quote (no income), N account openings and one purchase per account;</li>
 * <li>day 2 (the next business date): quote with income 0.65430 per 10,000 shares, and N/10 trades of random
 * accounts, half purchases and half redemptions below the holding, from a seeded {@link Random}.</li>
 * </ul>
 * Account k (1-based; distributors D01..D10 in order, records in file order) gets TAAccountID k. Day-2 applications
 * leave TAAccountID blank: the TA finds the account by distributor and TransactionAccountID.
 */
public final class BenchCase {
    public static final String TA = ClusterOptions.DEFAULT_TA;
    public static final String FUND_MANAGER = "FM1";
    public static final String FUND = "000001";
    public static final int DISTRIBUTORS = 10;
    public static final String DAY1 = "20260105";
    public static final BigDecimal DAY2_INCOME = new BigDecimal("0.65430");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    /** One generated business day: its date and its inbox. */
    public record Day(String date, Path inbox, long records) {
    }

    private final int accounts;
    private final List<Day> days;
    private final int day2Purchases;
    private final int day2Redemptions;

    private BenchCase(int accounts, List<Day> days, int purchases, int redemptions) {
        this.accounts = accounts;
        this.days = days;
        this.day2Purchases = purchases;
        this.day2Redemptions = redemptions;
    }

    /** Refuses a case with fewer accounts than distributors (every distributor opens at least one). */
    static void requireAccounts(int accounts) throws UsageException {
        if (accounts < DISTRIBUTORS) {
            throw new UsageException("--accounts must be at least " + DISTRIBUTORS);
        }
    }

    public int accounts() {
        return accounts;
    }

    public List<Day> days() {
        return days;
    }

    public int day2Purchases() {
        return day2Purchases;
    }

    public int day2Redemptions() {
        return day2Redemptions;
    }

    /** Writes the inboxes of both days into {@code dir/<date>/}: day 2 has one trade per ten accounts. */
    public static BenchCase generate(Path dir, int accounts, long seed) throws IOException {
        return generate(dir, accounts, Math.max(1, accounts / 10), seed);
    }

    /**
     * Refuses a trade count the shape cannot hold: at least one, and at most one redemption (every other trade) per
     * account.
     */
    static void requireTrades(int trades, int accounts) throws UsageException {
        if (!tradesFit(trades, accounts)) {
            throw new UsageException("--trades must be from 1 to " + (2 * accounts + 1) + " for " + accounts
                    + " accounts (at most one redemption per account)");
        }
    }

    /** Every other trade is a redemption, of an account not redeemed yet: at most one per account. */
    private static boolean tradesFit(int trades, int accounts) {
        return trades >= 1 && trades / 2 <= accounts;
    }

    /** As {@link #generate(Path, int, long)}, with {@code trades} trades on day 2. */
    public static BenchCase generate(Path dir, int accounts, int trades, long seed) throws IOException {
        if (accounts < DISTRIBUTORS) {
            throw new IllegalArgumentException("at least " + DISTRIBUTORS + " accounts");
        }
        if (!tradesFit(trades, accounts)) {
            throw new IllegalArgumentException("from 1 to " + (2 * accounts + 1) + " trades");
        }
        String day2 = nextBusinessDate(DAY1);
        Path in1 = Files.createDirectories(dir.resolve(DAY1));
        Path in2 = Files.createDirectories(dir.resolve(day2));

        long records1 = writeFund(in1, DAY1, BigDecimal.ZERO);
        for (int d = 0; d < DISTRIBUTORS; d++) {
            records1 += writeDay1(in1, d, accounts);
        }

        long records2 = writeFund(in2, day2, DAY2_INCOME);
        int redemptions = trades / 2;
        int purchases = trades - redemptions;
        // trades[d] collects (account, volume-or-amount in cents, purchase?) for distributor d
        List<List<long[]>> perDistributor = new ArrayList<>();
        for (int d = 0; d < DISTRIBUTORS; d++) {
            perDistributor.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        BitSet redeemed = new BitSet(accounts + 1);
        for (int i = 0; i < trades; i++) {
            boolean purchase = i % 2 == 0; // even i: ceil(trades / 2) purchases
            int k;
            long cents;
            if (purchase) {
                k = 1 + random.nextInt(accounts);
                cents = 100_00L + random.nextInt(5_000_00);
            } else {
                do {
                    k = 1 + random.nextInt(accounts);
                } while (redeemed.get(k));
                redeemed.set(k);
                // strictly below the holding of day 1 (no other redemption of this account on day 2)
                cents = 1 + random.nextInt((int) day1AmountCents(k) - 1);
            }
            perDistributor.get(distributorOf(k, accounts)).add(new long[] { k, cents, purchase ? 1 : 0 });
        }
        for (int d = 0; d < DISTRIBUTORS; d++) {
            records2 += writeDay2(in2, day2, d, accounts, perDistributor.get(d));
        }
        return new BenchCase(accounts, List.of(new Day(DAY1, in1, records1), new Day(day2, in2, records2)),
                purchases, redemptions);
    }

    /** The next Monday-to-Friday date after {@code yyyymmdd}. */
    public static String nextBusinessDate(String yyyymmdd) {
        LocalDate d = LocalDate.parse(yyyymmdd, YYYYMMDD).plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d.format(YYYYMMDD);
    }

    public static String distributorCode(int d) {
        return String.format("D%02d", d + 1);
    }

    /** How many accounts distributor d (0-based) opens: N/10, the first N%10 one more. */
    static int accountsOf(int d, int accounts) {
        return accounts / DISTRIBUTORS + (d < accounts % DISTRIBUTORS ? 1 : 0);
    }

    /** Account number (1-based) of the first account of distributor d. */
    static int firstAccountOf(int d, int accounts) {
        int base = accounts / DISTRIBUTORS;
        return 1 + d * base + Math.min(d, accounts % DISTRIBUTORS);
    }

    static int distributorOf(int k, int accounts) {
        int d = 0;
        while (d + 1 < DISTRIBUTORS && k >= firstAccountOf(d + 1, accounts)) {
            d++;
        }
        return d;
    }

    /** The distributor's own account number of account k. */
    static String transactionAccountId(int k) {
        return Numbers12.of(k);
    }

    /** Day-1 purchase of account k: 1000.00 plus up to 999.00 of variety, in cents. */
    static long day1AmountCents(int k) {
        return 1000_00L + (k * 37L % 1000) * 100;
    }

    private static long writeFund(Path inbox, String date, BigDecimal income) throws IOException {
        OfdRecordBuilder c1 = builder(FileType.FUND_PARAMETERS)
                .text("FundCode", FUND)
                .text("FundName", Gbk.bytes("\u5f00\u653e\u8fc7\u6237\u8d27\u5e01\u5e02\u573a\u57fa\u91d1"))
                .text("FundType", "04");
        try (OfdFileWriter w = create(inbox, FUND_MANAGER, date, FileType.FUND_PARAMETERS)) {
            w.write(c1.build());
        }
        OfdRecordBuilder q = builder(FileType.FUND_QUOTES)
                .text("FundCode", FUND)
                .text("UpdateDate", date)
                .number("NAV", BigDecimal.ONE)
                .number("FundIncome", income.abs())
                .text("FundIncomeFlag", income.signum() < 0 ? "1" : "0")
                .number("Yield", new BigDecimal("2.40100"))
                .text("YieldFlag", "0")
                .text("FundStatus", "0");
        try (OfdFileWriter w = create(inbox, FUND_MANAGER, date, FileType.FUND_QUOTES)) {
            w.write(q.build());
        }
        return 2;
    }

    private static long writeDay1(Path inbox, int d, int accounts) throws IOException {
        String dist = distributorCode(d);
        int first = firstAccountOf(d, accounts);
        int n = accountsOf(d, accounts);
        OfdRecordBuilder b = builder(FileType.ACCOUNT_APPLICATIONS);
        try (OfdFileWriter w = create(inbox, dist, DAY1, FileType.ACCOUNT_APPLICATIONS)) {
            for (int i = 0; i < n; i++) {
                w.write(b.reset()
                        .text("AppSheetSerialNo", String.valueOf(i + 1))
                        .text("TransactionDate", DAY1)
                        .text("TransactionTime", "090000")
                        .text("TransactionAccountID", transactionAccountId(first + i))
                        .text("DistributorCode", dist)
                        .text("BusinessCode", "001")
                        .text("IndividualOrInstitution", "1")
                        .build());
            }
        }
        b = builder(FileType.TRADE_APPLICATIONS);
        try (OfdFileWriter w = create(inbox, dist, DAY1, FileType.TRADE_APPLICATIONS)) {
            for (int i = 0; i < n; i++) {
                int k = first + i;
                w.write(b.reset()
                        .text("AppSheetSerialNo", String.valueOf(n + i + 1))
                        .text("TransactionDate", DAY1)
                        .text("TransactionTime", "100000")
                        .text("TransactionAccountID", transactionAccountId(k))
                        .text("DistributorCode", dist)
                        .text("BusinessCode", "022")
                        .text("FundCode", FUND)
                        .number("ApplicationAmount", BigDecimal.valueOf(day1AmountCents(k), 2))
                        .build());
            }
        }
        index(inbox, dist, DAY1, FileType.ACCOUNT_APPLICATIONS, FileType.TRADE_APPLICATIONS);
        return 2L * n;
    }

    private static long writeDay2(Path inbox, String date, int d, int accounts, List<long[]> trades)
            throws IOException {
        String dist = distributorCode(d);
        OfdRecordBuilder b = builder(FileType.TRADE_APPLICATIONS);
        try (OfdFileWriter w = create(inbox, dist, date, FileType.TRADE_APPLICATIONS)) {
            int serial = 0;
            for (long[] t : trades) {
                serial++;
                boolean purchase = t[2] == 1;
                BigDecimal value = BigDecimal.valueOf(t[1], 2);
                int second = serial % (6 * 3600);
                b.reset()
                        .text("AppSheetSerialNo", String.valueOf(serial))
                        .text("TransactionDate", date)
                        .text("TransactionTime", String.format("%02d%02d%02d", 9 + second / 3600,
                                second / 60 % 60, second % 60))
                        .text("TransactionAccountID", transactionAccountId((int) t[0]))
                        .text("DistributorCode", dist)
                        .text("BusinessCode", purchase ? "022" : "024")
                        .text("FundCode", FUND);
                if (purchase) {
                    b.number("ApplicationAmount", value);
                } else {
                    b.number("ApplicationVol", value);
                }
                w.write(b.build());
            }
        }
        index(inbox, dist, date, FileType.TRADE_APPLICATIONS);
        return trades.size();
    }

    /** The fields an input type needs (spec v2 1.4), in that order: what a generated file declares. */
    private static List<FieldDef> fields(FileType type) {
        return type.requiredFields().stream().map(FieldDictionary::get).toList();
    }

    private static OfdRecordBuilder builder(FileType type) {
        return new OfdRecordBuilder(fields(type));
    }

    private static OfdFileWriter create(Path inbox, String sender, String date, FileType type) throws IOException {
        OfdFileName name = new OfdFileName(sender, TA, date, type, "000");
        return OfdFileWriter.create(inbox.resolve(name.fileName()), sender, TA, date, type, fields(type));
    }

    /** The distributor's OFI index listing its files of the day (spec v2 1.7). */
    private static void index(Path inbox, String sender, String date, FileType... types) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileType t : types) {
            names.add(new OfdFileName(sender, TA, date, t, "000").fileName());
        }
        OfdIndex.write(inbox.resolve(new OfiFileName(sender, TA, date).fileName()), sender, TA, date, names);
    }
}
