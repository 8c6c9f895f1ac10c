package io.openta.dayinit.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.openta.model.ofd.IndexCheck;
import io.openta.model.ofd.IndexVerdicts;
import io.openta.model.ofd.OfdFileName;
import io.openta.model.ofd.OfdIndex;
import io.openta.model.ofd.Rejection;
import io.openta.runtime.db.Sql;
import io.openta.runtime.staging.Staging;

/**
 * The distributors' index files (spec 1.7), checked by day initialisation: each index is accepted or rejected (its
 * {@code .ERR} staged), and every data file of the inbox gets its INDEX verdict, kept with the file so that file
 * import applies it as the ninth whole-file check (after checks 1-8 pass).
 */
final class IndexFiles {
    private IndexFiles() {
    }

    static void register(Sql sql, Staging staging, String stage, String taCode, String date, List<Path> indexes,
            List<Path> dataFiles, List<String> inboxNames) throws IOException {
        List<IndexCheck> checks = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            Path file = indexes.get(i);
            String name = file.getFileName().toString();
            IndexCheck check = OfdIndex.check(file, taCode, date, inboxNames);
            checks.add(check);
            Path err = staging.stageDir(date, stage).resolve(name + ".ERR");
            Files.deleteIfExists(err);
            if (check.accepted()) {
                sql.update("""
                        INSERT INTO trd.inbox_file (biz_date, file_name, role, seq, status, file_type, sender, records)
                        VALUES ($1, $2, 'INDEX', $3, 'ACCEPTED', 'IX', $4, $5)""", date, name, i, check.sender(),
                        (long) check.listed().size());
            } else {
                Rejection r = check.rejection();
                sql.update("""
                        INSERT INTO trd.inbox_file (biz_date, file_name, role, seq, status, file_type, reason, detail)
                        VALUES ($1, $2, 'INDEX', $3, 'REJECTED', 'IX', $4, $5)""", date, name, i, r.reason(),
                        r.detail());
                Path temp = staging.tempFor(err);
                Files.writeString(temp, r.errFileText(), StandardCharsets.US_ASCII);
                staging.commit(temp, err);
            }
        }
        IndexVerdicts verdicts = OfdIndex.verdicts(checks);
        for (Path file : dataFiles) {
            String name = file.getFileName().toString();
            Optional<OfdFileName> parsed = OfdFileName.parse(name);
            if (parsed.isEmpty()) {
                continue; // NAME rejects it before INDEX could
            }
            Optional<Rejection> verdict = verdicts.forDataFile(name, parsed.get().sender());
            if (verdict.isPresent()) {
                sql.update("UPDATE trd.inbox_file SET index_detail = $3 WHERE biz_date = $1 AND file_name = $2", date,
                        name, verdict.get().detail());
            }
        }
    }
}
