package io.openta.model.rules;

import static io.openta.model.rules.ReturnCodes.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.openta.model.ofd.FieldDef;
import io.openta.model.ofd.FieldDictionary;
import io.openta.model.ofd.OfdNumbers;

/**
 * Confirming purchases and redemptions (spec v2 2.3) from the fund-status check on: the checks before it (0139 to
 * 0518) are made set-based before a position's applications reach here. Applications of one position must come in
 * order of TransactionTime, AppSheetSerialNo, record order, all through the same {@link PositionBook}. Amounts are
 * checked against the widths of the 04 file the TA writes (version 21).
 */
public final class TradeRules {
    public static final String PURCHASE = "022";
    public static final String REDEMPTION = "024";

    private static final FieldDef AMOUNT = FieldDictionary.get("ApplicationAmount");
    private static final FieldDef VOL = FieldDictionary.get("ApplicationVol");
    private static final FieldDef CONFIRMED_AMOUNT = FieldDictionary.get("ConfirmedAmount");
    private static final FieldDef CONFIRMED_VOL = FieldDictionary.get("ConfirmedVol");
    private static final FieldDef CHARGE = FieldDictionary.get("Charge");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal NO_RATE = BigDecimal.ZERO.setScale(8);
    /** The largest position a purchase may leave: what TotalVolOfDistributorInTA (N16,2) can hold. */
    public static final BigDecimal MAX_POSITION = new BigDecimal("99999999999999.99");

    private TradeRules() {
    }

    /** A refusal before the position was reached: 0 confirmed, amounts echoed (0 where not digits). */
    public static Confirmation refuse(String code, String amountText, String volText) {
        return new Confirmation(code, echo(amountText, AMOUNT), echo(volText, VOL), ZERO, ZERO, ZERO, NO_RATE);
    }

    /** The fund-status refusal of spec 2.3 for this business code, or null when the status lets it through. */
    public static String statusCode(String status, boolean purchase) {
        return switch (status) {
            case "1" -> FUND_ISSUING;
            case "8" -> FUND_TERMINATED;
            case "9" -> FUND_CLOSED;
            case "4" -> SUSPENDED;
            case "5" -> purchase ? PURCHASE_SUSPENDED : null;
            case "6" -> purchase ? null : REDEMPTION_SUSPENDED;
            default -> null;
        };
    }

    /**
     * Confirms one application that passed the checks before the position, and books it.
     *
     * @param businessCode 022 or 024 (already checked)
     */
    public static Confirmation confirm(String businessCode, String amountText, String volText, FundTerms fund,
            PositionBook book) {
        return confirm(businessCode, amountText, volText, fund, book, BigDecimal.ZERO);
    }

    /**
     * As {@link #confirm(String, String, String, FundTerms, PositionBook)}, with {@code purchaseChargeBias} added to
     * every purchase's fee before the rest of the rule runs on it. Only the {@code charge-plus-one-cent} failpoint
     * passes anything but zero: a wrong fee whose ConfirmedVol still follows from it, as a miscoded fee would.
     */
    public static Confirmation confirm(String businessCode, String amountText, String volText, FundTerms fund,
            PositionBook book, BigDecimal purchaseChargeBias) {
        boolean purchase = PURCHASE.equals(businessCode);
        String refusal = statusCode(fund.status(), purchase);
        if (refusal != null) {
            return refuse(refusal, amountText, volText);
        }
        return purchase ? purchase(amountText, volText, fund, book, purchaseChargeBias)
                : redemption(amountText, volText, fund, book);
    }

    private static Confirmation purchase(String amountText, String volText, FundTerms fund, PositionBook book,
            BigDecimal chargeBias) {
        Optional<BigDecimal> parsed = OfdNumbers.parse(amountText, AMOUNT);
        if (parsed.isEmpty() || parsed.get().signum() <= 0) {
            return refuse(BAD_AMOUNT, amountText, volText);
        }
        BigDecimal amount = parsed.get();
        FeeTable.Fee fee = fund.purchaseFees().purchaseFee(amount);
        BigDecimal charge = fee.charge().add(chargeBias);
        BigDecimal vol = amount.subtract(charge).divide(fund.nav(), 2, RoundingMode.DOWN);
        if (vol.signum() <= 0) {
            return refuse(ZERO_VOLUME, amountText, volText);
        }
        if (!OfdNumbers.fits(vol, CONFIRMED_VOL) || !OfdNumbers.fits(charge, CHARGE)
                || book.holding().add(vol).compareTo(MAX_POSITION) > 0) {
            return refuse(PURCHASE_OVERFLOW, amountText, volText);
        }
        book.purchase(vol);
        return new Confirmation(OK, amount, echo(volText, VOL), amount, vol, charge, fee.rateFee());
    }

    private static Confirmation redemption(String amountText, String volText, FundTerms fund, PositionBook book) {
        Optional<BigDecimal> parsed = OfdNumbers.parse(volText, VOL);
        if (parsed.isEmpty() || parsed.get().signum() <= 0) {
            return refuse(BAD_VOLUME, amountText, volText);
        }
        BigDecimal vol = parsed.get();
        if (vol.compareTo(book.available()) > 0) {
            return refuse(INSUFFICIENT_SHARES, amountText, volText);
        }
        BigDecimal gross = vol.multiply(fund.nav()).setScale(2, RoundingMode.HALF_UP);
        FeeTable.Fee fee = fund.redemptionFees().redemptionFee(gross);
        BigDecimal charge = fee.charge();
        BigDecimal amount = gross.subtract(charge);
        if (amount.signum() <= 0) {
            return refuse(ZERO_AMOUNT, amountText, volText);
        }
        if (!OfdNumbers.fits(amount, CONFIRMED_AMOUNT) || !OfdNumbers.fits(charge, CHARGE)) {
            return refuse(REDEMPTION_OVERFLOW, amountText, volText);
        }
        book.redeem(vol);
        return new Confirmation(OK, echo(amountText, AMOUNT), vol, amount, vol, charge, fee.rateFee());
    }

    /** A numeric field that was not all digits is echoed as 0 (spec 2.3). */
    public static BigDecimal echo(String text, FieldDef def) {
        return OfdNumbers.parse(text, def).orElse(BigDecimal.ZERO.setScale(def.decimals()));
    }
}
