package io.openta.model.rules;

import java.math.BigDecimal;

/**
 * The outcome of one trade application (the numbers of its 04 record).
 *
 * @param code              ReturnCode
 * @param applicationAmount echoed ApplicationAmount (0 when it was not all digits)
 * @param applicationVol    echoed ApplicationVol (0 when it was not all digits)
 * @param amount            ConfirmedAmount
 * @param vol               ConfirmedVol
 * @param charge            Charge
 * @param rateFee           RateFee of the matched rate record (0 for a fixed fee, no record, or a refusal)
 */
public record Confirmation(String code, BigDecimal applicationAmount, BigDecimal applicationVol, BigDecimal amount,
        BigDecimal vol, BigDecimal charge, BigDecimal rateFee) {

    public boolean ok() {
        return ReturnCodes.OK.equals(code);
    }
}
