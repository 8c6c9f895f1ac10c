package io.openta.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files the TA must have written for D (spec 2.7), each with why it is due: 02, 04 per batch (batch 000 also
 * for a distributor with only income reductions), 05, 06, and an OFI index per distributor listing its data files
 * in name order. For each 04 file also its first TASerialNO number: numbered from 1 over every 04 record of the day
 * in order of batch, then distributor, then place in the file. A MIGRATION day has none.
 */
final class ExpectedFiles {
    /** A data file that is due. {@code firstSerial} is the first TASerialNO number of an 04 file. */
    record Due(String name, String distributor, String type, String batch, String why, long firstSerial) {
    }

    /** Data files by name. */
    final Map<String, Due> data = new TreeMap<>();
    /** Index file name to the data file names it must list, in name order. */
    final Map<String, List<String>> indexes = new TreeMap<>();
    /** Index file name to its distributor. */
    final Map<String, String> indexDistributor = new TreeMap<>();

    private ExpectedFiles() {
    }

    static ExpectedFiles of(Day day, String ta) throws SQLException {
        ExpectedFiles f = new ExpectedFiles();
        if (day.migration()) {
            return f;
        }
        String date = day.date();
        Db db = day.db();
        Map<String, String> why = new TreeMap<>();
        Map<String, String[]> files = new TreeMap<>();   // name -> distributor, type, batch
        for (String d : db.strings("""
                SELECT DISTINCT sender FROM trd.inbox_file WHERE biz_date = :d AND status = 'ACCEPTED'
                AND file_type = '01'""")) {
            add(files, why, ta, d, date, "02", "000", d + " has an accepted 01 file");
        }
        // 04: accepted 03 files, and batch 000 for income reductions; records per file for TASerialNO
        Map<String, Long> records04 = new TreeMap<>();   // batch + " " + distributor (batch, then distributor)
        db.query("""
                SELECT DISTINCT sender, batch FROM trd.inbox_file WHERE biz_date = :d AND status = 'ACCEPTED'
                AND file_type = '03'""", rs -> {
            String d = rs.getString("sender");
            String b = rs.getString("batch") == null ? "000" : rs.getString("batch").trim();
            add(files, why, ta, d, date, "04", b, d + " has an accepted batch-" + b + " 03 file");
            records04.putIfAbsent(b + " " + d, 0L);
        });
        db.query("""
                SELECT batch, sender, count(*) AS n FROM trd.trade_app WHERE biz_date = :d
                GROUP BY batch, sender""", rs -> {
            long n = rs.getLong("n");
            records04.computeIfPresent(rs.getString("batch").trim() + " " + rs.getString("sender"), (k, v) -> v + n);
        });
        db.query("""
                SELECT distributor, count(*) AS n FROM clr.income WHERE biz_date = :d AND income < 0
                GROUP BY distributor""", rs -> {
            String d = rs.getString("distributor");
            String name = add(files, why, ta, d, date, "04", "000", d + " has income reductions (income < 0)");
            if (!why.get(name).contains("income reductions")) {
                why.put(name, why.get(name) + " and income reductions");
            }
            records04.merge("000 " + d, rs.getLong("n"), Long::sum);
        });
        Map<String, Long> first = new LinkedHashMap<>();
        long next = 1;
        for (Map.Entry<String, Long> e : records04.entrySet()) {
            first.put(e.getKey(), next);
            next += e.getValue();
        }
        for (String d : db.strings("SELECT DISTINCT distributor FROM clr.position WHERE created_date <= :d")) {
            add(files, why, ta, d, date, "05", "000", d + " has positions");
        }
        for (String d : db.strings("""
                SELECT DISTINCT distributor FROM clr.income WHERE biz_date = :d AND income >= 0""")) {
            add(files, why, ta, d, date, "06", "000", d + " has money-market positions that earned >= 0 on " + date);
        }
        for (Map.Entry<String, String[]> e : files.entrySet()) {
            String[] x = e.getValue();
            long firstSerial = "04".equals(x[1]) ? first.getOrDefault(x[2] + " " + x[0], 0L) : 0;
            f.data.put(e.getKey(), new Due(e.getKey(), x[0], x[1], x[2], why.get(e.getKey()), firstSerial));
            String index = OutputFileName.index(ta, x[0], date);
            f.indexes.computeIfAbsent(index, k -> new ArrayList<>()).add(e.getKey());   // name order: TreeMap
            f.indexDistributor.put(index, x[0]);
        }
        return f;
    }

    private static String add(Map<String, String[]> files, Map<String, String> why, String ta, String distributor,
            String date, String type, String batch, String reason) {
        String name = OutputFileName.data(ta, distributor, date, type, batch);
        files.putIfAbsent(name, new String[] {distributor, type, batch});
        why.putIfAbsent(name, reason);
        return name;
    }

    /** Every file name due, data and index. */
    List<String> allNames() {
        List<String> out = new ArrayList<>(data.keySet());
        out.addAll(indexes.keySet());
        return out;
    }
}
