package io.openta.runtime.db;

import java.util.HashSet;
import java.util.Set;

import io.openta.model.rules.Texts;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What operators withdrew from a day by rollback ({@code sched.withdrawal}): files the day no longer reads, and
 * accounts whose applications of the day it no longer reads. Clearing the day again then equals a clean run whose
 * inbox lacks them.
 */
public final class Withdrawals {
    private final Set<String> files = new HashSet<>();
    private final Set<String> accountIds = new HashSet<>();
    private final Set<String> accountKeys = new HashSet<>();

    private Withdrawals() {
    }

    public static Withdrawals of(Sql sql, String date) {
        Withdrawals w = new Withdrawals();
        for (Row r : sql.list("SELECT kind, target, distributor, txn_account_id FROM sched.withdrawal WHERE biz_date = $1",
                date)) {
            if ("FILE".equals(r.getString("kind"))) {
                w.files.add(r.getString("target"));
            } else {
                w.accountIds.add(r.getString("target"));
                w.accountKeys.add(key(r.getString("distributor"), r.getString("txn_account_id")));
            }
        }
        return w;
    }

    public boolean file(String name) {
        return files.contains(name);
    }

    /** An 01 record of a withdrawn account (by DistributorCode and TransactionAccountID as written). */
    public boolean accountApplication(String distributorCode, String transactionAccountId) {
        return !accountKeys.isEmpty()
                && accountKeys.contains(key(Texts.rtrim(distributorCode), Texts.rtrim(transactionAccountId)));
    }

    /** An 03 record of a withdrawn account: its TAAccountID, or, when blank, its distributor and transaction account. */
    public boolean tradeApplication(String distributorCode, String transactionAccountId, String taAccountId) {
        if (accountIds.isEmpty()) {
            return false;
        }
        String id = Texts.rtrim(taAccountId);
        return id.isEmpty() ? accountApplication(distributorCode, transactionAccountId) : accountIds.contains(id);
    }

    private static String key(String distributor, String txn) {
        return distributor + "\u0000" + txn;
    }
}
