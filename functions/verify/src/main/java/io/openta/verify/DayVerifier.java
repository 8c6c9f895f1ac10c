package io.openta.verify;

import io.openta.model.rules.Numbers12;
import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdReader;
import io.openta.model.ofd.OfdRecord;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Proves a cleared day, record by record, from the stored state and the written files (plain JDBC, independent of
 * the functions app: every expected value is derived again from the rows, never by calling the clearing code).
 *
 * <p>Checks, in order (names as in {@link VerifyReport}):
 * <ol>
 * <li>{@code accounts}: every account application of D has a return code; {@code 0000} ones have a TAAccountID
 * used once and an account opened on D for the same distributor and transaction account; the others have none;
 * no account opened on D lacks its application.</li>
 * <li>{@code confirmations}: every trade application of D has exactly one confirmation, no confirmation lacks
 * its application.</li>
 * <li>{@code positions}: every position with close_date = D has close = prev_close + Σ moves of D (all batches)
 * + income of D, prev_close_date before D; positions untouched on D have no moves and no income on D; no move or
 * income without its position; no close is negative.</li>
 * <li>{@code moves}: per position and batch, the move equals Σ ConfirmedVol of the successful purchases (122) and
 * redemptions (124) confirmed for it.</li>
 * <li>{@code income}: per fund, Σ income = Σ raw rounded half away from zero to 0.01, the fund is a money-market
 * fund of D; per row raw = eligible x u / 10000 exactly, base = raw truncated, income = base or base plus one
 * cent with the sign of u, the cents go to the largest |raw - base| (then larger e, smaller TAAccountID),
 * eligible = the position's shares before D; every money-market position with shares before D gets a row.</li>
 * <li>{@code files}: the OFD files of D in the outbox: each expected one (spec 2.7) is there and parses, none
 * unexpected; 02, 04, 05, 06 hold exactly the state's records (count, and each record's values; 04 also the sums
 * of ConfirmedAmount, ConfirmedVol and Charge); every rejected inbox file of D has its {@code .ERR} naming the
 * stored reason, and no accepted one has one.</li>
 * </ol>
 *
 * <p>D need not be the latest cleared day: a position changed by a later day is taken back to D through the later
 * days' moves and income.
 */
public final class DayVerifier {
    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** The latest catalogue entry of each fund on D. */
    private static final String FUNDS_OF_D = """
            (SELECT DISTINCT ON (fund_code) fund_code, fund_type FROM clr.fund WHERE effective_date <= :d
             ORDER BY fund_code, effective_date DESC)""";

    /**
     * Each position existing at the end of D with its shares at the end of D (end_d) and before D (start_d); a
     * position changed by a later day is taken back through that day's moves and income.
     */
    private static final String STATE = """
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

    private Connection db;
    private String date;
    private VerifyReport report;

    /**
     * Verifies day {@code date} (YYYYMMDD).
     *
     * @param db     a connection to the state (only read)
     * @param outbox the folder holding the day's output files
     * @param taCode the TA's code: the sender of every output file
     */
    public VerifyReport verify(Connection db, String date, Path outbox, String taCode) throws SQLException,
            IOException {
        if (date == null || !date.matches("\\d{8}")) {
            throw new IllegalArgumentException("date must be YYYYMMDD: " + date);
        }
        this.db = Objects.requireNonNull(db, "db");
        this.date = date;
        this.report = new VerifyReport(date, String.valueOf(outbox));
        String latest = string("SELECT max(biz_date) FROM sched.day WHERE status = 'COMPLETED'");
        if (latest != null && latest.compareTo(date) > 0) {
            report.note("day " + date + " is not the latest cleared day (" + latest + "): positions changed later "
                    + "are taken back to " + date + " through the later days' moves and income");
        }
        accounts();
        confirmations();
        positions();
        moves();
        income();
        files(outbox, taCode);
        return report;
    }

    // ------------------------------------------------------------------------------------------------ 1 accounts

    private void accounts() throws SQLException {
        String c = VerifyReport.ACCOUNTS;
        report.begin(c, "every account application has its return code and, on success, its account");
        query("""
                SELECT a.sender, a.record_no, a.serial, a.return_code, a.ta_account_id,
                  rtrim(a.distributor) AS app_distributor, rtrim(a.txn_account_id) AS app_txn,
                  c.ta_account_id AS account, c.opened_date, c.distributor AS account_distributor,
                  c.txn_account_id AS account_txn,
                  count(*) OVER (PARTITION BY a.ta_account_id) AS uses
                FROM acct.account_app a LEFT JOIN acct.account c ON c.ta_account_id = a.ta_account_id
                WHERE a.biz_date = :d ORDER BY a.sender, a.record_no""", rs -> {
            report.records(c, 1);
            String where = "acct.account_app";
            String rec = "sender " + rs.getString("sender") + " record " + rs.getInt("record_no") + " serial '"
                    + rs.getString("serial").trim() + "'";
            String code = rs.getString("return_code");
            long id = rs.getLong("ta_account_id");
            boolean hasId = !rs.wasNull();
            if (code == null) {
                report.mismatch(c, where, rec, "a return code", "none");
                return;
            }
            if (!code.equals("0000")) {
                if (hasId) {
                    report.mismatch(c, where, rec, "no TAAccountID (return code " + code + ")", id(id));
                }
                return;
            }
            if (!hasId) {
                report.mismatch(c, where, rec, "a TAAccountID (return code 0000)", "none");
                return;
            }
            if (rs.getLong("uses") > 1) {
                report.mismatch(c, where, rec, "TAAccountID " + id(id) + " given once",
                        "given " + rs.getLong("uses") + " times");
            }
            rs.getLong("account");
            if (rs.wasNull()) {
                report.mismatch(c, "acct.account", rec, "account " + id(id), "no account");
                return;
            }
            if (!date.equals(rs.getString("opened_date"))) {
                report.mismatch(c, "acct.account", rec + " TAAccountID " + id(id), "opened_date " + date,
                        rs.getString("opened_date"));
            }
            String dist = rs.getString("app_distributor");
            String txn = rs.getString("app_txn");
            if (!dist.equals(rs.getString("account_distributor")) || !txn.equals(rs.getString("account_txn"))) {
                report.mismatch(c, "acct.account", rec + " TAAccountID " + id(id), dist + "/" + txn,
                        rs.getString("account_distributor") + "/" + rs.getString("account_txn"));
            }
        });
        query("""
                SELECT c.ta_account_id, c.distributor, c.txn_account_id FROM acct.account c
                WHERE c.opened_date = :d AND NOT EXISTS (SELECT 1 FROM acct.account_app a WHERE a.biz_date = :d
                  AND a.return_code = '0000' AND a.ta_account_id = c.ta_account_id)
                ORDER BY c.ta_account_id""", rs -> report.mismatch(c, "acct.account",
                "TAAccountID " + id(rs.getLong("ta_account_id")) + " (" + rs.getString("distributor") + "/"
                        + rs.getString("txn_account_id") + ")",
                "an application of " + date + " confirmed 0000 that opened it", "none"));
    }

    // ------------------------------------------------------------------------------------------ 1 confirmations

    private void confirmations() throws SQLException {
        String c = VerifyReport.CONFIRMATIONS;
        report.begin(c, "every trade application has exactly one confirmation, and every confirmation an application");
        report.records(c, number("SELECT count(*) FROM trd.trade_app WHERE biz_date = :d").longValue());
        query("""
                SELECT t.batch, t.sender, t.record_no, t.serial, count(c.record_no) AS n
                FROM trd.trade_app t LEFT JOIN trd.trade_cfm c ON c.biz_date = t.biz_date AND c.batch = t.batch
                  AND c.sender = t.sender AND c.record_no = t.record_no
                WHERE t.biz_date = :d GROUP BY t.batch, t.sender, t.record_no, t.serial
                HAVING count(c.record_no) <> 1 ORDER BY t.batch, t.sender, t.record_no""",
                rs -> report.mismatch(c, "trd.trade_cfm", tradeRecord(rs) + " serial '"
                        + rs.getString("serial").trim() + "'", "1 confirmation", rs.getLong("n") + " confirmations"));
        query("""
                SELECT c.batch, c.sender, c.record_no FROM trd.trade_cfm c WHERE c.biz_date = :d
                AND NOT EXISTS (SELECT 1 FROM trd.trade_app t WHERE t.biz_date = c.biz_date AND t.batch = c.batch
                  AND t.sender = c.sender AND t.record_no = c.record_no)
                ORDER BY c.batch, c.sender, c.record_no""",
                rs -> report.mismatch(c, "trd.trade_cfm", tradeRecord(rs), "its trd.trade_app row", "none"));
    }

    private static String tradeRecord(ResultSet rs) throws SQLException {
        return "batch " + rs.getString("batch") + " sender " + rs.getString("sender") + " record "
                + rs.getInt("record_no");
    }

    // ---------------------------------------------------------------------------------------------- 2 positions

    private void positions() throws SQLException {
        String c = VerifyReport.POSITIONS;
        report.begin(c, "close = prev_close + purchases - redemptions + income, for every position closed on D");
        query("""
                WITH mv AS (SELECT slot, ta_account_id, fund_code, sum(purchased - redeemed) AS d
                            FROM clr.position_move WHERE biz_date = :d GROUP BY slot, ta_account_id, fund_code),
                  inc AS (SELECT slot, ta_account_id, fund_code, income FROM clr.income WHERE biz_date = :d)
                SELECT p.ta_account_id, p.fund_code, p.close, p.close_date, p.prev_close, p.prev_close_date,
                  p.created_date, mv.d AS moved, inc.income
                FROM clr.position p
                LEFT JOIN mv ON mv.slot = p.slot AND mv.ta_account_id = p.ta_account_id AND mv.fund_code = p.fund_code
                LEFT JOIN inc ON inc.slot = p.slot AND inc.ta_account_id = p.ta_account_id
                  AND inc.fund_code = p.fund_code
                WHERE p.close_date = :d OR p.close < 0
                  OR (p.close_date < :d AND (mv.d IS NOT NULL OR inc.income IS NOT NULL))
                ORDER BY p.ta_account_id, p.fund_code""", rs -> {
            String where = "clr.position";
            String rec = position(rs.getLong("ta_account_id"), rs.getString("fund_code"));
            BigDecimal close = rs.getBigDecimal("close");
            String closeDate = rs.getString("close_date");
            BigDecimal moved = rs.getBigDecimal("moved");
            BigDecimal income = rs.getBigDecimal("income");
            if (close.signum() < 0) {
                report.mismatch(c, where, rec, "close >= 0", plain(close));
            }
            if (date.equals(closeDate)) {
                report.records(c, 1);
                BigDecimal prev = rs.getBigDecimal("prev_close");
                BigDecimal expected = prev.add(orZero(moved)).add(orZero(income));
                if (expected.compareTo(close) != 0) {
                    report.mismatch(c, where, rec, "close " + plain(expected) + " (prev_close " + plain(prev)
                            + " + moves " + plain(orZero(moved)) + " + income " + plain(orZero(income)) + ")",
                            "close " + plain(close));
                }
                String prevDate = rs.getString("prev_close_date");
                if (prevDate.compareTo(date) >= 0) {
                    report.mismatch(c, where, rec, "prev_close_date before " + date, prevDate);
                }
                if (date.equals(rs.getString("created_date")) && prev.signum() != 0) {
                    report.mismatch(c, where, rec, "prev_close 0 (created on " + date + ")", plain(prev));
                }
            } else if (closeDate.compareTo(date) < 0 && (moved != null || income != null)) {
                report.mismatch(c, where, rec, "close_date " + date + " (it has "
                        + (moved != null ? "moves " + plain(moved) : "") + (moved != null && income != null ? ", "
                        : "") + (income != null ? "income " + plain(income) : "") + " on " + date + ")",
                        "close_date " + closeDate);
            }
        });
        query("""
                SELECT 'clr.position_move' AS t, m.ta_account_id, m.fund_code FROM clr.position_move m
                WHERE m.biz_date = :d AND NOT EXISTS (SELECT 1 FROM clr.position p WHERE p.slot = m.slot
                  AND p.ta_account_id = m.ta_account_id AND p.fund_code = m.fund_code)
                UNION ALL
                SELECT 'clr.income', i.ta_account_id, i.fund_code FROM clr.income i
                WHERE i.biz_date = :d AND NOT EXISTS (SELECT 1 FROM clr.position p WHERE p.slot = i.slot
                  AND p.ta_account_id = i.ta_account_id AND p.fund_code = i.fund_code)""",
                rs -> report.mismatch(c, rs.getString("t"), position(rs.getLong("ta_account_id"),
                        rs.getString("fund_code")), "its clr.position row (same slot)", "none"));
    }

    // -------------------------------------------------------------------------------------------------- 2 moves

    private void moves() throws SQLException {
        String c = VerifyReport.MOVES;
        report.begin(c, "each position move = Σ ConfirmedVol of its successful purchases and redemptions");
        report.records(c, number("SELECT count(*) FROM clr.position_move WHERE biz_date = :d").longValue());
        query("""
                WITH cf AS (
                  SELECT t.batch, t.ta_account_id, rtrim(t.fund_code) AS fund_code,
                    sum(CASE WHEN rtrim(c.business_code) = '122' THEN c.cfm_vol ELSE 0 END) AS purchased,
                    sum(CASE WHEN rtrim(c.business_code) = '124' THEN c.cfm_vol ELSE 0 END) AS redeemed
                  FROM trd.trade_cfm c JOIN trd.trade_app t ON t.biz_date = c.biz_date AND t.batch = c.batch
                    AND t.sender = c.sender AND t.record_no = c.record_no
                  WHERE c.biz_date = :d AND c.return_code = '0000' AND rtrim(c.business_code) IN ('122', '124')
                  GROUP BY t.batch, t.ta_account_id, rtrim(t.fund_code)),
                mv AS (SELECT batch, ta_account_id, fund_code, purchased, redeemed FROM clr.position_move
                       WHERE biz_date = :d)
                SELECT coalesce(cf.batch, mv.batch) AS batch, coalesce(cf.ta_account_id, mv.ta_account_id) AS account,
                  coalesce(cf.fund_code, mv.fund_code) AS fund, cf.purchased AS cp, cf.redeemed AS cr,
                  mv.purchased AS mp, mv.redeemed AS mr
                FROM cf FULL JOIN mv ON mv.batch = cf.batch AND mv.ta_account_id = cf.ta_account_id
                  AND mv.fund_code = cf.fund_code
                WHERE mv.batch IS NULL OR cf.batch IS NULL OR cf.purchased <> mv.purchased
                  OR cf.redeemed <> mv.redeemed
                ORDER BY 1, 2, 3""", rs -> {
            String rec = position(rs.getLong("account"), rs.getString("fund")) + " batch " + rs.getString("batch");
            BigDecimal cp = rs.getBigDecimal("cp");
            BigDecimal cr = rs.getBigDecimal("cr");
            BigDecimal mp = rs.getBigDecimal("mp");
            BigDecimal mr = rs.getBigDecimal("mr");
            report.mismatch(c, "clr.position_move", rec,
                    cp == null ? "no move (no successful 122/124 confirmation)"
                            : "purchased " + plain(cp) + " redeemed " + plain(cr) + " (trd.trade_cfm)",
                    mp == null ? "no move" : "purchased " + plain(mp) + " redeemed " + plain(mr));
        });
    }

    // ------------------------------------------------------------------------------------------------- 3 income

    private void income() throws SQLException {
        String c = VerifyReport.INCOME;
        report.begin(c, "Σ income = R per money-market fund; raw, base and the residue cents of every row");
        Map<String, Long> cents = new HashMap<>();
        query("""
                SELECT i.fund_code, count(*) AS n, sum(i.income) AS s_income, sum(i.raw) AS s_raw,
                  sum(i.base) AS s_base, q.income_per_10k AS u, f.fund_type
                FROM clr.income i
                LEFT JOIN clr.quote q ON q.biz_date = :d AND q.fund_code = i.fund_code
                LEFT JOIN """ + FUNDS_OF_D + """
                 f ON f.fund_code = i.fund_code
                WHERE i.biz_date = :d GROUP BY i.fund_code, q.income_per_10k, f.fund_type
                ORDER BY i.fund_code""", rs -> {
            String fund = rs.getString("fund_code");
            String rec = "fund " + fund;
            if (!"01".equals(rs.getString("fund_type"))) {
                report.mismatch(c, "clr.income", rec, "a money-market fund (type 01) of " + date,
                        rs.getString("fund_type") == null ? "no fund" : "type " + rs.getString("fund_type"));
            }
            if (rs.getBigDecimal("u") == null) {
                report.mismatch(c, "clr.quote", rec, "a quote on " + date, "none");
            }
            BigDecimal r = rs.getBigDecimal("s_raw").setScale(2, RoundingMode.HALF_UP);   // half away from zero
            BigDecimal sum = rs.getBigDecimal("s_income");
            if (sum.compareTo(r) != 0) {
                report.mismatch(c, "clr.income", rec, "Σ income = R = " + plain(r) + " (Σ raw "
                        + plain(rs.getBigDecimal("s_raw")) + " over " + rs.getLong("n") + " positions)",
                        "Σ income " + plain(sum));
            }
            cents.put(fund, r.subtract(rs.getBigDecimal("s_base")).movePointRight(2).abs().longValue());
        });
        query("WITH " + STATE + """
                SELECT i.ta_account_id, i.fund_code, i.distributor, i.eligible, i.raw, i.base, i.income,
                  q.income_per_10k AS u, s.start_d, s.distributor AS position_distributor,
                  row_number() OVER (PARTITION BY i.fund_code ORDER BY abs(i.raw - i.base) DESC, i.eligible DESC,
                    i.ta_account_id) AS rank
                FROM clr.income i
                LEFT JOIN clr.quote q ON q.biz_date = :d AND q.fund_code = i.fund_code
                LEFT JOIN state s ON s.slot = i.slot AND s.ta_account_id = i.ta_account_id AND s.fund_code = i.fund_code
                WHERE i.biz_date = :d ORDER BY i.fund_code, i.ta_account_id""", rs -> {
            report.records(c, 1);
            String where = "clr.income";
            String fund = rs.getString("fund_code");
            String rec = position(rs.getLong("ta_account_id"), fund);
            BigDecimal e = rs.getBigDecimal("eligible");
            BigDecimal raw = rs.getBigDecimal("raw");
            BigDecimal base = rs.getBigDecimal("base");
            BigDecimal income = rs.getBigDecimal("income");
            BigDecimal u = rs.getBigDecimal("u");
            BigDecimal start = rs.getBigDecimal("start_d");
            if (e.signum() <= 0) {
                report.mismatch(c, where, rec, "eligible > 0", plain(e));
            }
            if (start != null && start.compareTo(e) != 0) {
                report.mismatch(c, where, rec, "eligible = shares before " + date + " = " + plain(start),
                        plain(e));
            }
            if (start != null && !rs.getString("position_distributor").equals(rs.getString("distributor"))) {
                report.mismatch(c, where, rec, "distributor " + rs.getString("position_distributor"),
                        rs.getString("distributor"));
            }
            if (u != null) {
                BigDecimal expectedRaw = e.multiply(u).movePointLeft(4);
                if (expectedRaw.compareTo(raw) != 0) {
                    report.mismatch(c, where, rec, "raw = " + plain(e) + " x " + plain(u) + " / 10000 = "
                            + plain(expectedRaw), plain(raw));
                }
            }
            BigDecimal truncated = raw.setScale(2, RoundingMode.DOWN);
            if (truncated.compareTo(base) != 0) {
                report.mismatch(c, where, rec, "base = raw truncated = " + plain(truncated), plain(base));
            }
            int sign = u != null ? u.signum() : raw.signum();
            BigDecimal withCent = base.add(CENT.multiply(BigDecimal.valueOf(sign)));
            boolean plainBase = income.compareTo(base) == 0;
            boolean cent = sign != 0 && income.compareTo(withCent) == 0;
            if (!plainBase && !cent) {
                report.mismatch(c, where, rec, "income = base " + plain(base)
                        + (sign != 0 ? " or " + plain(withCent) : ""), plain(income));
            } else {
                boolean due = rs.getLong("rank") <= cents.getOrDefault(fund, 0L);
                if (due != cent) {
                    report.mismatch(c, where, rec, due ? "the residue cent (place " + rs.getLong("rank")
                            + " of " + cents.get(fund) + " by |raw - base|, e, TAAccountID): income "
                            + plain(withCent) : "no residue cent (place " + rs.getLong("rank") + ", only "
                            + cents.getOrDefault(fund, 0L) + " cents): income " + plain(base), plain(income));
                }
            }
        });
        query("WITH " + STATE + """
                SELECT s.ta_account_id, s.fund_code, s.start_d FROM state s
                JOIN """ + FUNDS_OF_D + """
                 f ON f.fund_code = s.fund_code AND f.fund_type = '01'
                JOIN clr.quote q ON q.biz_date = :d AND q.fund_code = s.fund_code
                WHERE s.start_d > 0 AND NOT EXISTS (SELECT 1 FROM clr.income i WHERE i.biz_date = :d
                  AND i.slot = s.slot AND i.ta_account_id = s.ta_account_id AND i.fund_code = s.fund_code)
                ORDER BY s.ta_account_id, s.fund_code""", rs -> report.mismatch(c, "clr.income",
                position(rs.getLong("ta_account_id"), rs.getString("fund_code")),
                "an income row (money-market position with " + plain(rs.getBigDecimal("start_d"))
                        + " shares before " + date + ")", "none"));
    }

    // -------------------------------------------------------------------------------------------------- 4 files

    /** The values of one record a file must hold: String values compare trimmed, BigDecimal values by number. */
    private record Expected(String label, Map<String, Object> values) {
    }

    private void files(Path outbox, String taCode) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        report.begin(c, "every output file of D is there, parses, and holds exactly the state's records");
        // expected files, by name, with why they are due
        Map<String, String> due = new TreeMap<>();
        for (String d : strings("""
                SELECT DISTINCT sender FROM trd.inbox_file WHERE biz_date = :d AND status = 'ACCEPTED'
                AND file_type = '01' ORDER BY 1""")) {
            due.put(name(taCode, d, FileType.ACCOUNT_CONFIRMATIONS, "000"), d + " has an accepted 01 file");
        }
        for (String[] sb : pairs("""
                SELECT DISTINCT sender, batch FROM trd.inbox_file WHERE biz_date = :d AND status = 'ACCEPTED'
                AND file_type = '03' ORDER BY 1, 2""")) {
            due.put(name(taCode, sb[0], FileType.TRADE_CONFIRMATIONS, sb[1]),
                    sb[0] + " has an accepted batch-" + sb[1] + " 03 file");
        }
        for (String d : strings("SELECT DISTINCT distributor FROM clr.position WHERE created_date <= :d ORDER BY 1")) {
            due.put(name(taCode, d, FileType.SHARE_BALANCES, "000"), d + " has positions");
        }
        for (String d : strings("SELECT DISTINCT distributor FROM clr.income WHERE biz_date = :d ORDER BY 1")) {
            due.put(name(taCode, d, FileType.INCOME, "000"), d + " has money-market positions that earned on " + date);
        }

        TreeSet<String> present = new TreeSet<>();
        if (outbox != null && Files.isDirectory(outbox)) {
            try (Stream<Path> s = Files.list(outbox)) {
                s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).forEach(present::add);
            }
        } else {
            report.mismatch(c, String.valueOf(outbox), "", "the outbox folder", "no such folder");
        }
        for (String n : present) {
            OfdFileName parsed = OfdFileName.parse(n).orElse(null);
            if (parsed != null && parsed.date().equals(date) && !due.containsKey(n)) {
                report.mismatch(c, n, "", "no such file (spec 2.7)", "an unexpected file");
            }
        }
        errFiles(outbox, present);
        for (Map.Entry<String, String> f : due.entrySet()) {
            String n = f.getKey();
            if (!present.contains(n)) {
                report.mismatch(c, n, "", "the file (" + f.getValue() + ")", "no file");
                continue;
            }
            file(outbox.resolve(n), OfdFileName.parse(n).orElseThrow());
        }
    }

    /** A rejected inbox file of D has its {@code .ERR}: {@code REJECTED <reason> ...}; an accepted one has none. */
    private void errFiles(Path outbox, TreeSet<String> present) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        List<String[]> inbox = new ArrayList<>();
        query("SELECT file_name, status, reason FROM trd.inbox_file WHERE biz_date = :d ORDER BY file_name",
                rs -> inbox.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}));
        for (String[] f : inbox) {
            String err = f[0] + ".ERR";
            boolean rejected = "REJECTED".equals(f[1]);
            if (!rejected) {
                if (present.contains(err)) {
                    report.mismatch(c, err, "", "no .ERR (" + f[0] + " is " + f[1] + ")", "an .ERR file");
                }
                continue;
            }
            if (!present.contains(err)) {
                report.mismatch(c, err, "", "the .ERR of rejected " + f[0] + " (" + f[2] + ")", "no file");
                continue;
            }
            report.records(c, 1);
            String[] words = Files.readString(outbox.resolve(err), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .trim().split("\\s+");
            String got = words.length >= 2 ? words[0] + " " + words[1] : String.join(" ", words);
            if (!got.equals("REJECTED " + f[2])) {
                report.mismatch(c, err, "line 1", "'REJECTED " + f[2] + " ...' (trd.inbox_file)", "'" + got + "'");
            }
        }
    }

    private void file(Path path, OfdFileName name) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        String n = name.fileName();
        OfdCheck check = OfdReader.checkAnyType(path, name.receiver(), date);
        if (!check.accepted()) {
            report.mismatch(c, n, "", "a well-formed file", "it does not parse: " + check.rejection().reason() + " "
                    + check.rejection().detail());
            return;
        }
        String d = name.receiver();
        Map<String, Expected> expected = new LinkedHashMap<>();
        switch (name.type()) {
            case ACCOUNT_CONFIRMATIONS -> {
                Map<String, Integer> seen = new HashMap<>();
                query("""
                        SELECT record_no, serial, txn_account_id, distributor, return_code, ta_account_id
                        FROM acct.account_app
                        WHERE biz_date = :d AND sender = ? ORDER BY record_no""", rs -> {
                    String serial = pad(rs.getString("serial"), 24);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("TransactionCfmDate", date);
                    v.put("TransactionAccountID", rs.getString("txn_account_id"));
                    v.put("DistributorCode", rs.getString("distributor"));
                    long id = rs.getLong("ta_account_id");
                    v.put("TAAccountID", rs.wasNull() ? "" : id(id));
                    v.put("ReturnCode", rs.getString("return_code"));
                    expected.put(occurrence(serial, seen), new Expected("account_app record "
                            + rs.getInt("record_no"), v));
                }, d);
            }
            case TRADE_CONFIRMATIONS -> {
                Map<String, Integer> seen = new HashMap<>();
                query("""
                        SELECT c.record_no, t.serial, t.distributor, c.ta_account_text, c.cfm_amount, c.cfm_vol,
                          c.charge, c.return_code
                        FROM trd.trade_cfm c LEFT JOIN trd.trade_app t ON t.biz_date = c.biz_date AND t.batch = c.batch
                          AND t.sender = c.sender AND t.record_no = c.record_no
                        WHERE c.biz_date = :d AND c.sender = ? AND c.batch = ? ORDER BY c.record_no""", rs -> {
                    String serial = rs.getString("serial") == null ? "?" + rs.getInt("record_no")
                            : pad(rs.getString("serial"), 24);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("TransactionCfmDate", date);
                    if (rs.getString("distributor") != null) {
                        v.put("DistributorCode", rs.getString("distributor"));
                    }
                    v.put("TAAccountID", rs.getString("ta_account_text"));
                    v.put("ConfirmedAmount", rs.getBigDecimal("cfm_amount"));
                    v.put("ConfirmedVol", rs.getBigDecimal("cfm_vol"));
                    v.put("Charge", rs.getBigDecimal("charge"));
                    v.put("ReturnCode", rs.getString("return_code"));
                    expected.put(occurrence(serial, seen), new Expected("trade_cfm record "
                            + rs.getInt("record_no"), v));
                }, d, name.batch());
            }
            case SHARE_BALANCES -> query("WITH " + STATE.replace("WHERE p.created_date <= :d)",
                    "WHERE p.created_date <= :d AND p.distributor = ?)") + """
                    SELECT ta_account_id, fund_code, txn_account_id, end_d FROM state
                    ORDER BY ta_account_id, fund_code""", rs -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("TransactionCfmDate", date);
                v.put("TransactionAccountID", rs.getString("txn_account_id"));
                v.put("TotalVolOfDistributorInTA", rs.getBigDecimal("end_d"));
                expected.put(positionKey(id(rs.getLong("ta_account_id")), rs.getString("fund_code")),
                        new Expected("clr.position", v));
            }, d);
            case INCOME -> query("""
                    SELECT i.ta_account_id, i.fund_code, i.eligible, i.income, p.txn_account_id
                    FROM clr.income i LEFT JOIN clr.position p ON p.slot = i.slot
                      AND p.ta_account_id = i.ta_account_id AND p.fund_code = i.fund_code
                    WHERE i.biz_date = :d AND i.distributor = ? ORDER BY i.ta_account_id, i.fund_code""", rs -> {
                Map<String, Object> v = new LinkedHashMap<>();
                BigDecimal income = rs.getBigDecimal("income");
                v.put("TransactionCfmDate", date);
                if (rs.getString("txn_account_id") != null) {
                    v.put("TransactionAccountID", rs.getString("txn_account_id"));
                }
                v.put("DividendType", "2");
                v.put("DividentDate", date);
                v.put("BasisforCalculatingDividend", rs.getBigDecimal("eligible"));
                v.put("DividendAmount (signed by DividendAmountFlag)", income);
                v.put("VolOfDividendforReinvestment", income.abs());
                expected.put(positionKey(id(rs.getLong("ta_account_id")), rs.getString("fund_code")),
                        new Expected("clr.income", v));
            }, d);
            default -> {
                report.mismatch(c, n, "", "an output file type (02, 04, 05, 06)", "type " + name.type().code());
                return;
            }
        }
        compareRecords(path, check, name, expected);
        if (name.type() == FileType.TRADE_CONFIRMATIONS) {
            compareSums(path, check, name);
        }
    }

    private void compareRecords(Path path, OfdCheck check, OfdFileName name, Map<String, Expected> expected)
            throws IOException {
        String c = VerifyReport.FILES;
        String n = name.fileName();
        FileType type = name.type();
        boolean bySerial = type == FileType.ACCOUNT_CONFIRMATIONS || type == FileType.TRADE_CONFIRMATIONS;
        report.records(c, check.recordCount());
        if (check.recordCount() != expected.size()) {
            report.mismatch(c, n, "record count", expected.size() + " records (" + source(type) + ")",
                    check.recordCount());
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Expected> left = new LinkedHashMap<>(expected);
        String[] previous = {null};
        boolean[] orderReported = {false};
        OfdReader.forEachRecord(path, check.header(), (no, r) -> {
            String key;
            String label;
            String order;
            if (bySerial) {
                String serial = r.text("AppSheetSerialNo");
                key = occurrence(serial, seen);
                label = "record " + no + " (AppSheetSerialNo '" + serial.trim() + "')";
                order = serial;
            } else {
                key = positionKey(r.trimmed("TAAccountID"), r.trimmed("FundCode"));
                label = "record " + no + " (TAAccountID " + r.trimmed("TAAccountID") + " fund "
                        + r.trimmed("FundCode") + ")";
                order = r.text("TAAccountID") + r.text("FundCode");
            }
            if (previous[0] != null && order.compareTo(previous[0]) < 0 && !orderReported[0]) {
                orderReported[0] = true;
                report.mismatch(c, n, label, "records in order of " + (bySerial ? "AppSheetSerialNo"
                        : "TAAccountID, FundCode"), "out of order");
            }
            previous[0] = order;
            if (!bySerial && !r.trimmed("DistributorCode").equals(name.receiver())) {   // 02, 04 echo the text
                report.mismatch(c, n, label, "DistributorCode " + name.receiver(), r.trimmed("DistributorCode"));
            }
            Expected e = left.remove(key);
            if (e == null) {
                report.mismatch(c, n, label, "no such record (" + source(type) + ")", "a record");
                return;
            }
            for (Map.Entry<String, Object> f : e.values().entrySet()) {
                Object want = f.getValue();
                Object got = found(r, f.getKey());
                boolean same = want instanceof BigDecimal w ? got instanceof BigDecimal g && w.compareTo(g) == 0
                        : String.valueOf(want).stripTrailing().equals(got);
                if (!same) {
                    report.mismatch(c, n, label, f.getKey() + " " + show(want) + " (" + e.label() + ")",
                            f.getKey() + " " + show(got));
                }
            }
        });
        for (Map.Entry<String, Expected> e : left.entrySet()) {
            String k = e.getKey();
            String rec = bySerial ? "AppSheetSerialNo '" + k.substring(0, k.lastIndexOf('#')).trim() + "'"
                    + (k.endsWith("#1") ? "" : " (occurrence " + k.substring(k.lastIndexOf('#') + 1) + ")")
                    : "TAAccountID " + k.replace('/', ' ').replaceFirst(" ", " fund ");
            report.mismatch(c, n, rec, "a record (" + e.getValue().label() + ")", "none");
        }
    }

    private static Object found(OfdRecord r, String field) {
        if (field.startsWith("DividendAmount ")) {
            BigDecimal a = r.number("DividendAmount").orElse(null);
            if (a == null) {
                return r.text("DividendAmount");
            }
            String flag = r.trimmed("DividendAmountFlag");
            return "1".equals(flag) ? a.negate() : "0".equals(flag) ? a : "flag '" + flag + "'";
        }
        if (r.text(field).chars().allMatch(Character::isDigit) && isNumber(field)) {
            return r.number(field).orElse(null);
        }
        return isNumber(field) ? r.text(field) : r.trimmed(field);
    }

    private static boolean isNumber(String field) {
        return switch (field) {
            case "ConfirmedAmount", "ConfirmedVol", "Charge", "TotalVolOfDistributorInTA",
                    "BasisforCalculatingDividend", "VolOfDividendforReinvestment" -> true;
            default -> false;
        };
    }

    private void compareSums(Path path, OfdCheck check, OfdFileName name) throws SQLException, IOException {
        String c = VerifyReport.FILES;
        String[] fields = {"ConfirmedAmount", "ConfirmedVol", "Charge"};
        BigDecimal[] file = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        OfdReader.forEachRecord(path, check.header(), (no, r) -> {
            for (int i = 0; i < fields.length; i++) {
                file[i] = file[i].add(r.number(fields[i]).orElse(BigDecimal.ZERO));
            }
        });
        query("""
                SELECT count(*) AS n, coalesce(sum(cfm_amount), 0) AS a, coalesce(sum(cfm_vol), 0) AS v,
                  coalesce(sum(charge), 0) AS ch
                FROM trd.trade_cfm WHERE biz_date = :d AND sender = ? AND batch = ?""", rs -> {
            BigDecimal[] db = {rs.getBigDecimal("a"), rs.getBigDecimal("v"), rs.getBigDecimal("ch")};
            for (int i = 0; i < fields.length; i++) {
                if (db[i].compareTo(file[i]) != 0) {
                    report.mismatch(c, name.fileName(), "Σ " + fields[i], plain(db[i]) + " (Σ trd.trade_cfm of "
                            + rs.getLong("n") + " rows)", plain(file[i]));
                }
            }
        }, name.receiver(), name.batch());
    }

    private static String source(FileType type) {
        return switch (type) {
            case ACCOUNT_CONFIRMATIONS -> "acct.account_app";
            case TRADE_CONFIRMATIONS -> "trd.trade_cfm";
            case SHARE_BALANCES -> "clr.position";
            case INCOME -> "clr.income";
            default -> "?";
        };
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private interface RowFn {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code :d} as the (validated) date literal and {@code ?} bound to {@code args}. */
    private void query(String sql, RowFn fn, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql.replace(":d", "'" + date + "'"))) {
            ps.setFetchSize(5000);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fn.row(rs);
                }
            }
        }
    }

    private String string(String sql) throws SQLException {
        String[] v = {null};
        query(sql, rs -> v[0] = rs.getString(1));
        return v[0];
    }

    private BigDecimal number(String sql) throws SQLException {
        BigDecimal[] v = {BigDecimal.ZERO};
        query(sql, rs -> v[0] = rs.getBigDecimal(1));
        return v[0];
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        query(sql, rs -> out.add(rs.getString(1)));
        return out;
    }

    private List<String[]> pairs(String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        query(sql, rs -> out.add(new String[] {rs.getString(1), rs.getString(2)}));
        return out;
    }

    private String name(String taCode, String distributor, FileType type, String batch) {
        return new OfdFileName(taCode, distributor, date, type, batch).fileName();
    }

    private static String occurrence(String serial, Map<String, Integer> seen) {
        return serial + "#" + seen.merge(serial, 1, Integer::sum);
    }

    private static String positionKey(String account, String fund) {
        return account + "/" + fund.trim();
    }

    public static String position(long account, String fund) {
        return "TAAccountID " + id(account) + " fund " + fund.trim();
    }

    static String id(long account) {
        return Numbers12.of(account);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "null" : v.toPlainString();
    }

    private static String show(Object v) {
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return "'" + String.valueOf(v).trim() + "'";
    }
}
