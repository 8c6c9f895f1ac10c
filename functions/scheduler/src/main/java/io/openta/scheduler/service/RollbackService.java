package io.openta.scheduler.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.model.rules.Numbers12;
import io.openta.model.events.Stage;
import io.openta.model.events.Traffic;
import io.openta.runtime.db.Sql;
import io.openta.runtime.staging.Staging;
import io.openta.scheduler.repository.DayRollback;
import io.openta.scheduler.repository.ReleaseRepository;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Rolls the latest day back to a backup point, or withdraws a file or an account's applications from it (then back
 * to the start, so that clearing the day again reads the inbox without them). One transaction: it applies whole or
 * not at all. The day is then STOPPED at the restored boundary; starting it again clears from there. Files the day
 * had published are withdrawn from the outbox. Every rollback is logged.
 * <p>
 * A stress day (issue 12) is rolled back the same way in its own day set: the transaction is a shadow one
 * ({@link FencedTransactions#inTransaction(Traffic, java.util.function.Function)}), so every statement runs on the
 * shadow schemas and its staged files are the shadow staging area's; a production day of the same date is not
 * touched.
 */
@ApplicationScoped
public class RollbackService {
    private static final Logger LOG = Logger.getLogger(RollbackService.class);

    private final FencedTransactions db;
    private final Staging staging;
    private final DayScheduler scheduler;

    public RollbackService(FencedTransactions db, Staging staging, DayScheduler scheduler) {
        this.db = db;
        this.staging = staging;
        this.scheduler = scheduler;
    }

    public String rollback(String date, RollbackRequest request) {
        return rollback(Traffic.PRODUCTION, date, request);
    }

    /** Rolls back day {@code date} of {@code traffic}'s day set. */
    public String rollback(Traffic traffic, String date, RollbackRequest request) {
        String name = DayStatusService.name(traffic, date);
        Staging staged = staging.of(traffic);
        int given = (request.to() == null ? 0 : 1) + (request.file() == null ? 0 : 1)
                + (request.account() == null ? 0 : 1);
        if (given != 1) {
            throw new OperatorException(400, "give exactly one of: to (a stage), file, account");
        }
        String by = request.by() == null || request.by().isBlank() ? "unknown" : request.by();
        // fenced like every scheduler write (only the leader commits it); within this process it also takes its turn
        // with the scheduler's own decisions
        return scheduler.inTurn(() -> {
            List<String> published = db.inTransaction(traffic, sql -> {
                Row day = sql.one("SELECT status, outbox, kind FROM sched.day WHERE biz_date = $1 FOR UPDATE", date);
                if (day == null) {
                    throw new OperatorException(404, "no " + name);
                }
                if ("MIGRATION".equals(day.getString("kind"))) {
                    throw new OperatorException(409, name + " is a register migration: it has no stages "
                            + "to roll back (the register it took over is the start of this TA's history)");
                }
                Row later = sql.one("""
                        SELECT min(biz_date) AS d FROM sched.day WHERE biz_date > $1
                        AND status NOT IN ('FAILED', 'CANCELLED')""", date);
                if (later.getString("d") != null) {
                    throw new OperatorException(409, name + " is not the latest day (" + later.getString("d")
                            + " came after it)");
                }
                String status = day.getString("status");
                if ("RUNNING".equals(status) || "PUBLISHING".equals(status)) {
                    throw new OperatorException(409, name + " is " + status.toLowerCase() + ": pause it first");
                }
                if ("FAILED".equals(status) || "CANCELLED".equals(status)) {
                    throw new OperatorException(409, name + " is " + status.toLowerCase()
                            + ": it kept nothing to roll back");
                }
                Stage to;
                String kind;
                String target;
                if (request.to() != null) {
                    to = Stage.byId(request.to()).orElseThrow(() -> new OperatorException(400,
                            "unknown stage " + request.to()));
                    kind = "STAGE";
                    target = to.id();
                } else if (request.file() != null) {
                    withdrawFile(sql, date, request.file(), by);
                    to = Stage.DAY_INIT;
                    kind = "FILE";
                    target = request.file();
                } else {
                    target = withdrawAccount(sql, date, request.account(), by);
                    to = Stage.DAY_INIT;
                    kind = "ACCOUNT";
                }
                DayRollback.toStage(sql, date, to);
                sql.update("""
                        UPDATE sched.day SET status = 'STOPPED', stage = $2, step = '', finished_at = NULL,
                          message = $3 WHERE biz_date = $1""", date, to.id(),
                        "rolled back to before " + to.id() + " (" + kind.toLowerCase() + " " + target + ")");
                ReleaseRepository.startStage(sql, date, to.id());
                sql.update("""
                        INSERT INTO sched.rollback_log (biz_date, kind, target, done_by, detail) VALUES ($1, $2, $3, $4, $5)""",
                        date, kind, target, by, "back to before " + to.id() + "; was " + status);
                List<String> files = sql.list("SELECT outbox || '/' || file_name AS f FROM sched.published_file "
                        + "WHERE biz_date = $1", date).stream().map(r -> r.getString("f")).toList();
                sql.update("DELETE FROM sched.published_file WHERE biz_date = $1", date);
                for (String stageId : DayRollback.stagesFrom(to)) {
                    staged.deleteStage(date, stageId);
                }
                LOG.infof("%s rolled back to before %s (%s %s) by %s", name, to.id(), kind, target, by);
                return files;
            });
            for (String file : published) {
                try {
                    Files.deleteIfExists(Path.of(file));
                } catch (IOException e) {
                    throw new UncheckedIOException("withdrawing published file " + file, e);
                }
            }
            return name + " rolled back";
        });
    }

    private static void withdrawFile(Sql sql, String date, String name, String by) {
        if (sql.one("SELECT 1 AS x FROM trd.inbox_file WHERE biz_date = $1 AND file_name = $2", date, name) == null) {
            throw new OperatorException(404, "day " + date + " has no input file " + name);
        }
        sql.update("""
                INSERT INTO sched.withdrawal (biz_date, kind, target, done_by) VALUES ($1, 'FILE', $2, $3)
                ON CONFLICT DO NOTHING""", date, name, by);
    }

    private static String withdrawAccount(Sql sql, String date, String account, String by) {
        if (!account.matches("[0-9A-Za-z]{1,12}")) {
            throw new OperatorException(400, "a TAAccountID is 1 to 12 letters or digits: " + account);
        }
        // digits are the TA's own 12-digit IDs, written with or without their leading zeros; others as migrated
        String id = account.matches("\\d{1,12}") ? Numbers12.of(Long.parseLong(account)) : account;
        Row a = sql.one("SELECT distributor, txn_account_id FROM acct.account WHERE ta_account_id = $1", id);
        if (a == null) {
            throw new OperatorException(404, "no account " + id);
        }
        sql.update("""
                INSERT INTO sched.withdrawal (biz_date, kind, target, distributor, txn_account_id, done_by)
                VALUES ($1, 'ACCOUNT', $2, $3, $4, $5) ON CONFLICT DO NOTHING""", date, id, a.getString("distributor"),
                a.getString("txn_account_id"), by);
        return id;
    }
}
