package io.openta.dayinit.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.openta.model.events.Stage;
import io.openta.model.ofd.OfiFileName;
import io.openta.model.ofd.OfdReader;
import io.openta.runtime.db.ColumnBatch;
import io.openta.runtime.db.Sql;
import io.openta.runtime.db.Withdrawals;
import io.openta.runtime.task.DayFailure;
import io.openta.runtime.task.StageHandler;
import io.openta.runtime.task.TaskContext;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Day initialisation (spec 2.1): registers the inbox, checks the index files (1.7), loads the fund parameters (C1),
 * fee tables (C5) and quotes (07), and fails the day when they are not usable. One task; everything it writes commits with it or not at all.
 */
@ApplicationScoped
public class DayInitHandler implements StageHandler {
    private final FundCatalogueLoader catalogue;
    private final FeeTableLoader fees;
    private final QuoteLoader quotes;

    public DayInitHandler(FundCatalogueLoader catalogue, FeeTableLoader fees, QuoteLoader quotes) {
        this.catalogue = catalogue;
        this.fees = fees;
        this.quotes = quotes;
    }

    @Override
    public Stage stage() {
        return Stage.DAY_INIT;
    }

    @Override
    public long execute(TaskContext ctx) throws IOException {
        Sql sql = ctx.sql();
        String date = ctx.date();
        Row last = sql.one("SELECT max(biz_date) AS d FROM sched.day WHERE status = 'COMPLETED'");
        String lastCleared = last == null ? null : last.getString("d");
        if (lastCleared != null && lastCleared.compareTo(date) >= 0) {
            throw new DayFailure("day " + date + " is not later than the last cleared day " + lastCleared);
        }
        Path inbox = Path.of(sql.one("SELECT inbox FROM sched.day WHERE biz_date = $1", date).getString("inbox"));
        if (!Files.isDirectory(inbox)) {
            throw new DayFailure("inbox " + inbox + " is not a directory");
        }
        List<Path> params = new ArrayList<>();
        List<Path> imports = new ArrayList<>();
        List<Path> indexes = new ArrayList<>();
        List<String> inboxNames = new ArrayList<>();
        Withdrawals withdrawn = Withdrawals.of(sql, date);
        for (Path file : regularFiles(inbox)) {
            String name = file.getFileName().toString();
            // a withdrawn file is as if its distributor had not sent it nor listed it: its index still checks
            // against it, but it is not read
            inboxNames.add(name);
            if (withdrawn.file(name)) {
                continue;
            }
            if (OfiFileName.isIndexName(name)) {
                indexes.add(file);
            } else {
                (OfdReader.failsTheDay(file) ? params : imports).add(file);
            }
        }
        sql.update("DELETE FROM trd.inbox_file WHERE biz_date = $1", date);
        // one statement for all the day's data files rather than a round trip each (a day has one or two per
        // distributor)
        ColumnBatch pending = new ColumnBatch(sql, """
                INSERT INTO trd.inbox_file (biz_date, file_name, role, seq, status)
                SELECT $1, n, 'IMPORT', s, 'PENDING' FROM unnest($2::text[], $3::text[]::int[]) AS f(n, s)""", 2, date);
        for (int i = 0; i < imports.size(); i++) {
            pending.add(imports.get(i).getFileName().toString(), i);
        }
        pending.flush();
        IndexFiles.register(sql, ctx.staging(), stage().id(), ctx.config().taCode(), date, indexes, imports,
                inboxNames);
        ParameterFiles files = ParameterFiles.check(params, ctx.config().taCode(), date);
        for (int i = 0; i < params.size(); i++) {
            var check = files.checks().get(i);
            sql.update("""
                    INSERT INTO trd.inbox_file (biz_date, file_name, role, seq, status, file_type, sender, batch, records)
                    VALUES ($1, $2, 'PARAMS', $3, 'ACCEPTED', $4, $5, $6, $7)""",
                    date, params.get(i).getFileName().toString(), i, check.header().type().code(),
                    check.header().sender(), check.header().batch(), check.recordCount());
        }
        long records = catalogue.load(sql, date, files.parameterFiles());
        records += fees.load(sql, date, files.feeFiles());
        records += quotes.load(sql, date, files.quoteFiles());
        return records;
    }

    private static List<Path> regularFiles(Path inbox) {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile)
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
