package io.openta.verify;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every trade confirmation of D computed again from {@link TradeInputs}, with the verifier's own code (it never calls
 * the clearing stage or the shared trade rules it checks): the main clearing (batch 000), the income of D added to
 * the closes (v1 2.5), then each supplementary batch in turn (v1 2.6). Within a clearing the applications are taken
 * in order of TransactionTime, AppSheetSerialNo, sender, file and record, so the applications of one position come
 * in the order of v1 2.3; the first failing check of v1/v2 2.3 gives the ReturnCode, and a success moves the running
 * close that later checks (0001, 0307) read.
 */
final class TradeRecompute {
    static final BigDecimal MAX_N16_2 = new BigDecimal("99999999999999.99");
    /** The largest Charge its field (N10,2) holds. */
    static final BigDecimal MAX_CHARGE = new BigDecimal("99999999.99");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final String PURCHASE = "022";
    private static final String REDEMPTION = "024";

    private static final Comparator<TradeApplication> CLEARING_ORDER = Comparator
            .comparing((TradeApplication a) -> a.txnTime() == null ? "" : a.txnTime())
            .thenComparing(a -> ByteText.field(TradeApplication.text(a.serial()), 24))
            .thenComparing(a -> ByteText.rtrim(a.sender()))
            .thenComparing(TradeApplication::fileName)
            .thenComparingInt(TradeApplication::recordNo);

    private final String date;
    private final TradeInputs in;
    /** {@code account/fund} -> the close as the clearing goes on. */
    private final Map<String, BigDecimal> close;
    /** The close a batch's redemptions start from, and what it holds back (2.5). */
    private Map<String, BigDecimal> base;
    private boolean main;
    private final Map<String, BigDecimal> redeemed = new HashMap<>();

    private TradeRecompute(String date, TradeInputs in) {
        this.date = date;
        this.in = in;
        this.close = new HashMap<>(in.closeBefore);
    }

    /** The confirmation of every trade application of D, by {@link TradeApplication#key()}. */
    static Map<String, RecomputedConfirmation> of(Db db) throws SQLException {
        TradeInputs in = TradeInputs.load(db);
        return new TradeRecompute(db.date(), in).run();
    }

    private Map<String, RecomputedConfirmation> run() {
        Map<String, List<TradeApplication>> batches = new TreeMap<>();
        for (TradeApplication a : in.applications) {
            batches.computeIfAbsent(a.batch(), k -> new ArrayList<>()).add(a);
        }
        batches.putIfAbsent("000", List.of());
        Map<String, RecomputedConfirmation> out = new HashMap<>();
        for (Map.Entry<String, List<TradeApplication>> b : batches.entrySet()) {
            main = "000".equals(b.getKey());
            base = main ? in.closeBefore : new HashMap<>(close);
            redeemed.clear();
            b.getValue().stream().sorted(CLEARING_ORDER).forEach(a -> out.put(a.key(), confirm(a)));
            if (main) {
                in.income.forEach((position, income) -> close.merge(position, income, BigDecimal::add));
            }
        }
        return out;
    }

    private RecomputedConfirmation confirm(TradeApplication a) {
        String code = TradeApplication.text(a.businessCode());
        String fund = TradeApplication.text(a.fundCode());
        TradeInputs.Quote quote = in.quotes.get(fund);
        BigDecimal nav = in.catalogue.containsKey(fund) && quote != null ? quote.nav() : BigDecimal.ZERO;
        BigDecimal amount = number(a.appAmount());
        BigDecimal vol = number(a.appVol());
        Result r = new Result(a, nav, amount, vol);
        String distributor = TradeApplication.text(a.distributor());
        String txn = TradeApplication.text(a.txnAccountId());
        if (!ByteText.lettersAndDigits(a.serial())) {
            return r.refuse("0139", "AppSheetSerialNo is empty or not ASCII letters and digits");
        }
        if (in.duplicates.contains(a.key())) {
            return r.refuse("0496", "AppSheetSerialNo repeats an earlier one of " + ByteText.rtrim(a.sender()));
        }
        if (!distributor.equals(ByteText.rtrim(a.sender()))) {
            return r.refuse("0105", "DistributorCode is not the file's sender");
        }
        if (!date.equals(TradeApplication.text(a.txnDate()))) {
            return r.refuse("0201", "TransactionDate is not " + date);
        }
        if (!validTime(TradeApplication.text(a.txnTime()))) {
            return r.refuse("0202", "TransactionTime is not a valid HHMMSS");
        }
        if (!code.equals(PURCHASE) && !code.equals(REDEMPTION)) {
            return r.refuse("0103", "BusinessCode is not 022 or 024");
        }
        if (!in.catalogue.containsKey(fund)) {
            return r.refuse("0200", "fund " + Labels.show(fund) + " is not in the catalogue of " + date);
        }
        String given = TradeApplication.text(a.taAccountText());
        TradeInputs.Account account = given.isEmpty() ? in.accountsByTxn.get(distributor + "/" + txn)
                : in.accountsById.get(given);
        if (account == null) {
            return r.refuse("0009", given.isEmpty() ? "no account of " + distributor + "/" + txn
                    : "TAAccountID " + given + " is not an account");
        }
        if (!account.distributor().equals(distributor) || !account.txnAccountId().equals(txn)) {
            return r.refuse("0518", "TAAccountID " + given + " belongs to " + account.distributor() + "/"
                    + account.txnAccountId());
        }
        r.account = account.id();
        if (quote == null) {
            return r.refuse("no quote", "fund " + fund + " has no quote on " + date);
        }
        boolean purchase = code.equals(PURCHASE);
        String status = switch (quote.status()) {
            case "1" -> "0004";
            case "8" -> "0376";
            case "9" -> "0005";
            case "4" -> "0380";
            case "5" -> purchase ? "0381" : null;
            case "6" -> purchase ? null : "0382";
            default -> null;
        };
        if (status != null) {
            return r.refuse(status, "FundStatus " + quote.status());
        }
        String position = TradeApplication.position(account.id(), fund);
        return purchase ? purchase(r, fund, position) : redemption(r, fund, position);
    }

    private RecomputedConfirmation purchase(Result r, String fund, String position) {
        BigDecimal x = r.amount;
        if (x == null || x.signum() <= 0) {
            return r.refuse("0207", "ApplicationAmount is not digits or not > 0");
        }
        FeeTable.Fee fee = in.fees.fee(fund, "122", x);
        BigDecimal vol = x.subtract(fee.charge()).divide(r.nav, 2, RoundingMode.DOWN);
        if (vol.signum() <= 0) {
            return r.refuse("0402", "ConfirmedVol " + vol.toPlainString() + " is not > 0");
        }
        BigDecimal after = close.getOrDefault(position, BigDecimal.ZERO).add(vol);
        if (vol.compareTo(MAX_N16_2) > 0 || fee.charge().compareTo(MAX_CHARGE) > 0 || after.compareTo(MAX_N16_2) > 0) {
            return r.refuse("0307", "ConfirmedVol or Charge does not fit, or the position would exceed "
                    + MAX_N16_2.toPlainString());
        }
        close.put(position, after);
        return r.confirm(x, vol, fee, fee.how() + " on " + x.toPlainString());
    }

    private RecomputedConfirmation redemption(Result r, String fund, String position) {
        BigDecimal vol = r.vol;
        if (vol == null || vol.signum() <= 0) {
            return r.refuse("0206", "ApplicationVol is not digits or not > 0");
        }
        BigDecimal reserve = main ? in.reserve(position, fund) : BigDecimal.ZERO;
        BigDecimal available = base.getOrDefault(position, BigDecimal.ZERO)
                .subtract(redeemed.getOrDefault(position, BigDecimal.ZERO)).subtract(reserve);
        if (vol.compareTo(available) > 0) {
            return r.refuse("0001", "ApplicationVol " + vol.toPlainString() + " > available shares "
                    + available.toPlainString());
        }
        BigDecimal gross = vol.multiply(r.nav).setScale(2, RoundingMode.HALF_UP);
        FeeTable.Fee fee = in.fees.fee(fund, "124", gross);
        BigDecimal net = gross.subtract(fee.charge());
        if (net.signum() <= 0) {
            return r.refuse("0352", "ConfirmedAmount " + net.toPlainString() + " is not > 0");
        }
        if (net.compareTo(MAX_N16_2) > 0 || fee.charge().compareTo(MAX_CHARGE) > 0) {
            return r.refuse("0401", "ConfirmedAmount or Charge does not fit");
        }
        redeemed.merge(position, vol, BigDecimal::add);
        close.merge(position, vol.negate(), BigDecimal::add);
        return r.confirm(net, vol, fee, fee.how() + " on the gross " + gross.toPlainString());
    }

    /** An N(16,2) field's value when its text (as written) is all digits, else null. */
    static BigDecimal number(String text) {
        return ByteText.digits(text) ? new BigDecimal(new BigInteger(text), 2) : null;
    }

    static boolean validTime(String t) {
        return t.length() == 6 && ByteText.digits(t) && Integer.parseInt(t.substring(0, 2)) <= 23
                && Integer.parseInt(t.substring(2, 4)) <= 59 && Integer.parseInt(t.substring(4, 6)) <= 59;
    }

    /** The values being built for one application. */
    private static final class Result {
        private final TradeApplication app;
        private final BigDecimal nav;
        private final BigDecimal amount;
        private final BigDecimal vol;
        /** The resolved account, once the account check passed. */
        private String account;

        Result(TradeApplication app, BigDecimal nav, BigDecimal amount, BigDecimal vol) {
            this.app = app;
            this.nav = nav;
            this.amount = amount;
            this.vol = vol;
        }

        RecomputedConfirmation refuse(String code, String why) {
            return new RecomputedConfirmation(code, why, taAccount(), businessCode(), echo(amount), echo(vol), ZERO,
                    ZERO, ZERO, "refused " + code, nav, BigDecimal.ZERO);
        }

        RecomputedConfirmation confirm(BigDecimal cfmAmount, BigDecimal cfmVol, FeeTable.Fee fee, String how) {
            return new RecomputedConfirmation("0000", "every check of 2.3 passed", taAccount(), businessCode(),
                    echo(amount), echo(vol), cfmAmount, cfmVol, fee.charge(), how, nav, fee.rateFee());
        }

        private String taAccount() {
            return account != null ? account : TradeApplication.text(app.taAccountText());
        }

        private String businessCode() {
            return ByteText.rtrim(ExpectedRecords.confirmationCode(app.businessCode()));
        }

        private static BigDecimal echo(BigDecimal v) {
            return v == null ? ZERO : v;
        }
    }
}
