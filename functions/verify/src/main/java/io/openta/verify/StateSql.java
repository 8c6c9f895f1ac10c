package io.openta.verify;

/** SQL fragments several checks share ({@code :d} is the day, see {@link Db}). */
final class StateSql {
    private StateSql() {
    }

    /**
     * The day's account applications, each with the outcome clearing decided (V51: kept apart from the application;
     * code NULL there is 0000). {@code return_code} is NULL for an application without an outcome.
     */
    static final String APPLICATIONS_WITH_OUTCOMES = """
            SELECT a.*, o.ta_account_id, CASE WHEN o.sender IS NOT NULL THEN coalesce(o.code, '0000') END AS return_code
            FROM acct.account_app a LEFT JOIN acct.account_outcome o
              ON o.biz_date = a.biz_date AND o.sender = a.sender AND o.record_no = a.record_no
            WHERE a.biz_date = :d""";

    /** The latest catalogue entry of each fund on D. */
    static final String FUNDS_OF_D = """
            (SELECT DISTINCT ON (fund_code) fund_code, fund_type FROM clr.fund WHERE effective_date <= :d
             ORDER BY fund_code, effective_date DESC)""";

    /** FundType of a money-market fund (spec v2 1.3). */
    static final String MONEY_MARKET = "04";

    /**
     * Each position existing at the end of D with its shares at the end of D (end_d) and before D (start_d); a
     * position changed by a later day is taken back through that day's moves and income. Use as
     * {@code "WITH " + STATE + " SELECT ... FROM state"}; {@link #stateOf(String)} restricts it.
     */
    static final String STATE = """
            later AS (
              SELECT slot, ta_account_id, fund_code, sum(d) AS d FROM (
                SELECT slot, ta_account_id, fund_code, purchased - redeemed AS d FROM clr.position_move
                WHERE biz_date > :d
                UNION ALL
                SELECT slot, ta_account_id, fund_code, income FROM clr.income WHERE biz_date > :d) x
              GROUP BY slot, ta_account_id, fund_code),
            ond AS (
              SELECT slot, ta_account_id, fund_code, sum(d) AS d FROM (
                SELECT slot, ta_account_id, fund_code, purchased - redeemed AS d FROM clr.position_move
                WHERE biz_date = :d
                UNION ALL
                SELECT slot, ta_account_id, fund_code, income FROM clr.income WHERE biz_date = :d) x
              GROUP BY slot, ta_account_id, fund_code),
            state AS (
              SELECT p.slot, p.ta_account_id, p.fund_code, p.distributor, p.txn_account_id,
                CASE WHEN p.close_date <= :d THEN p.close ELSE p.close - coalesce(l.d, 0) END AS end_d,
                CASE WHEN p.close_date = :d THEN p.prev_close WHEN p.close_date < :d THEN p.close
                     ELSE p.close - coalesce(l.d, 0) - coalesce(o.d, 0) END AS start_d
              FROM clr.position p
              LEFT JOIN later l ON l.slot = p.slot AND l.ta_account_id = p.ta_account_id AND l.fund_code = p.fund_code
              LEFT JOIN ond o ON o.slot = p.slot AND o.ta_account_id = p.ta_account_id AND o.fund_code = p.fund_code
              WHERE p.created_date <= :d)""";

    /** {@link #STATE} with an extra condition on the positions, e.g. {@code p.distributor = ?}. */
    static String stateOf(String condition) {
        return STATE.replace("WHERE p.created_date <= :d)", "WHERE p.created_date <= :d AND " + condition + ")");
    }
}
