package io.openta.model.rules;

import java.math.BigDecimal;

/**
 * The running state of one position (account and fund) while one clearing takes its applications in order (spec 2.3,
 * 2.5, 2.6): what it holds, what a redemption may still take, and what the clearing moved.
 */
public final class PositionBook {
    private BigDecimal holding;
    private BigDecimal available;
    private BigDecimal purchased = BigDecimal.ZERO.setScale(2);
    private BigDecimal redeemed = BigDecimal.ZERO.setScale(2);

    private PositionBook(BigDecimal holding, BigDecimal available) {
        this.holding = holding;
        this.available = available;
    }

    /**
     * Main clearing: redemptions may take the previous close less, where the fund's income is negative, the income
     * that the position will lose on T (so that a close never goes negative).
     */
    public static PositionBook mainClearing(BigDecimal previousClose, FundTerms fund) {
        BigDecimal reserve = fund.moneyMarket() ? IncomeRules.negativeIncomeReserve(previousClose, fund.incomePer10k())
                : BigDecimal.ZERO;
        return new PositionBook(previousClose, previousClose.subtract(reserve));
    }

    /** Secondary clearing of one batch: the close before the batch is all there is. */
    public static PositionBook secondaryClearing(BigDecimal closeBeforeBatch) {
        return new PositionBook(closeBeforeBatch, closeBeforeBatch);
    }

    public BigDecimal holding() {
        return holding;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal purchased() {
        return purchased;
    }

    public BigDecimal redeemed() {
        return redeemed;
    }

    void purchase(BigDecimal vol) {
        holding = holding.add(vol);
        purchased = purchased.add(vol);
    }

    void redeem(BigDecimal vol) {
        holding = holding.subtract(vol);
        available = available.subtract(vol);
        redeemed = redeemed.add(vol);
    }
}
