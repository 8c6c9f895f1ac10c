package io.openta.runtime.db;

/**
 * The fund catalogue as of business date $1 (spec 2.1: C1 records add or replace funds from their date on): the
 * latest row of each fund effective on or before $1. Every stage that needs the catalogue reads it through this.
 */
public final class FundCatalogueSql {
    /** A subquery, one row per fund, all columns of {@code clr.fund}; the date is parameter $1. */
    public static final String ON_DATE = """
            (SELECT DISTINCT ON (fund_code) * FROM clr.fund WHERE effective_date <= $1
             ORDER BY fund_code, effective_date DESC)""";

    private FundCatalogueSql() {
    }
}
