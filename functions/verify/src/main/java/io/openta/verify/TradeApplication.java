package io.openta.verify;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One trade application of D as the 03 file gave it ({@code trd.trade_app}: field texts as written, padding
 * included). Only the columns the file gave are read; the stage's intermediate results (serial_code, local_code,
 * dup, pre_code, ta_account_id, slot) are not, so that the recompute does not take them on trust.
 */
record TradeApplication(String batch, String sender, String fileName, int recordNo, String serial, String txnDate,
                        String txnTime, String txnAccountId, String distributor, String taAccountText,
                        String businessCode, String fundCode, String appAmount, String appVol) {

    static final String COLUMNS = """
            batch, sender, file_name, record_no, serial, txn_date, txn_time, txn_account_id, distributor,
            ta_account_text, business_code, fund_code, app_amount, app_vol""";

    static TradeApplication of(ResultSet rs) throws SQLException {
        return new TradeApplication(rs.getString("batch"), rs.getString("sender"), rs.getString("file_name"),
                rs.getInt("record_no"), rs.getString("serial"), rs.getString("txn_date"), rs.getString("txn_time"),
                rs.getString("txn_account_id"), rs.getString("distributor"), rs.getString("ta_account_text"),
                rs.getString("business_code"), rs.getString("fund_code"), rs.getString("app_amount"),
                rs.getString("app_vol"));
    }

    /** The key of its confirmation: {@code batch/sender/record}. */
    String key() {
        return key(batch, sender, recordNo);
    }

    static String key(String batch, String sender, int recordNo) {
        return batch + "/" + ByteText.rtrim(sender) + "/" + recordNo;
    }

    /** The position it touches once its account is resolved: {@code account/fund}. */
    static String position(String account, String fund) {
        return account + "/" + fund;
    }

    /** A field's text (spec 1.3): its bytes without the trailing spaces. */
    static String text(String field) {
        return field == null ? "" : ByteText.rtrim(field);
    }
}
