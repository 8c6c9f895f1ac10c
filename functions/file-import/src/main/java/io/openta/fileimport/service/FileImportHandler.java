package io.openta.fileimport.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.fileimport.repository.ApplicationWriter;
import io.openta.fileimport.repository.SerialIndex;
import io.openta.model.events.Stage;
import io.openta.model.ofd.FileType;
import io.openta.model.ofd.OfdCheck;
import io.openta.model.ofd.OfdReader;
import io.openta.model.ofd.Rejection;
import io.openta.runtime.db.Sql;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.vertx.mutiny.sqlclient.Row;

/**
 * File import. Step {@code files}: one task per inbox file (shard = the file's place among the day's files by name):
 * the whole-file checks of spec 1.5 (the INDEX verdict found by day-init last), then the records of an accepted 01 or 03 file with their record-local checks.
 * A rejected file stages its {@code .ERR}. Step {@code index}: one task, the checks across files (0496) and the
 * TASerialNO numbering.
 */
@ApplicationScoped
public class FileImportHandler implements StageHandler {
    public static final String STEP_FILES = "files";
    public static final String STEP_INDEX = "index";

    @Override
    public Stage stage() {
        return Stage.FILE_IMPORT;
    }

    @Override
    public long execute(TaskContext ctx) throws IOException {
        return STEP_INDEX.equals(ctx.step()) ? SerialIndex.build(ctx.sql(), ctx.date()) : importFile(ctx);
    }

    private long importFile(TaskContext ctx) throws IOException {
        Sql sql = ctx.sql();
        String date = ctx.date();
        Row row = sql.one("""
                SELECT f.file_name, f.index_detail, d.inbox FROM trd.inbox_file f
                JOIN sched.day d ON d.biz_date = f.biz_date
                WHERE f.biz_date = $1 AND f.role = 'IMPORT' AND f.seq = $2""", date, ctx.shard());
        String name = row.getString("file_name");
        Path file = Path.of(row.getString("inbox")).resolve(name);
        OfdCheck check = withIndexVerdict(OfdReader.check(file, ctx.config().taCode(), date),
                row.getString("index_detail"));
        Path err = ctx.staging().stageDir(date, stage().id()).resolve(name + ".ERR");
        Files.deleteIfExists(err);
        if (!check.accepted()) {
            sql.update("""
                    UPDATE trd.inbox_file SET status = 'REJECTED', reason = $3, detail = $4
                    WHERE biz_date = $1 AND file_name = $2""", date, name, check.rejection().reason(),
                    check.rejection().detail());
            Path temp = ctx.staging().tempFor(err);
            Files.writeString(temp, check.rejection().errFileText(), StandardCharsets.US_ASCII);
            ctx.staging().commit(temp, err);
            return 0;
        }
        FileType type = check.header().type();
        if (type != FileType.ACCOUNT_APPLICATIONS && type != FileType.TRADE_APPLICATIONS) {
            throw new IllegalStateException("file " + name + " of type " + type.code() + " reached file import");
        }
        sql.update("""
                UPDATE trd.inbox_file SET status = 'ACCEPTED', file_type = $3, sender = $4, batch = $5, records = $6,
                reason = NULL, detail = NULL WHERE biz_date = $1 AND file_name = $2""", date, name, type.code(),
                check.header().sender(), check.header().batch(), check.recordCount());
        return new ApplicationWriter(sql, date, name, check.header()).write(check);
    }

    /**
     * Check 9 of spec 1.5 (INDEX): a 01 or 03 file that passed checks 1-8 is rejected when no accepted index of its
     * sender lists it; day-init found the verdict while checking the index files.
     */
    private static OfdCheck withIndexVerdict(OfdCheck check, String indexDetail) {
        if (!check.accepted() || indexDetail == null) {
            return check;
        }
        FileType type = check.header().type();
        if (type != FileType.ACCOUNT_APPLICATIONS && type != FileType.TRADE_APPLICATIONS) {
            return check;
        }
        return OfdCheck.rejected(check.file(), new Rejection(Rejection.INDEX, indexDetail));
    }
}
