package io.openta.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every inbox file of D that trd.inbox_file says REJECTED (data files and OFI indexes alike, whatever its
 * file_type) has its {@code <name>.ERR} in the outbox, starting {@code REJECTED <reason>}; no other inbox file
 * has one.
 */
final class ErrFileChecks {
    private final Day day;

    ErrFileChecks(Day day) {
        this.day = day;
    }

    void run(Path outbox, Set<String> present) throws SQLException, IOException {
        VerifyReport report = day.report();
        String c = VerifyReport.FILES;
        List<String[]> inbox = new ArrayList<>();
        day.db().query("SELECT file_name, status, reason FROM trd.inbox_file WHERE biz_date = :d ORDER BY file_name",
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
            String reason = f[2] == null ? "" : f[2].trim();
            if (!present.contains(err)) {
                report.mismatch(c, err, "", "the .ERR of rejected " + f[0] + " (" + reason + ")", "no file");
                continue;
            }
            report.records(c, 1);
            String[] words = Files.readString(outbox.resolve(err), StandardCharsets.ISO_8859_1).trim().split("\\s+");
            String got = words.length >= 2 ? words[0] + " " + words[1] : String.join(" ", words);
            if (!got.equals("REJECTED " + reason)) {
                report.mismatch(c, err, "line 1", "'REJECTED " + reason + " ...' (trd.inbox_file)", "'" + got + "'");
            }
        }
    }
}
