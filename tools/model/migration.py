"""Migration of a register kept by a previous system (spec v2 2.9)."""
import copy
import os

import ofd
from ofd import is_digits, Rejected
from clearing import DayFailed, num, list_inbox


def migrate(state, day, inbox, ta="99"):
    st = copy.deepcopy(state)
    if st.last_day is not None:
        raise DayFailed("migrate after a cleared day",
                        "migration failed: a day has already been cleared or migrated (%s)"
                        % st.last_day)
    seen_pos = set()
    for n in list_inbox(inbox):
        data = open(os.path.join(inbox, n), "rb").read()
        try:
            f = ofd.check_data_file(n, data, ta, day, migrate=True)
        except Rejected as r:
            raise DayFailed("migrate file rejected " + r.reason, "migration failed: %s: REJECTED %s %s"
                            % (n, r.reason, r.detail))
        for i, rec in enumerate(f.records, 1):
            if f.raw(rec, "DetailFlag") is not None and f.text(rec, "DetailFlag") == b"1":
                continue                      # a detail line of the total before it
            where = "%s record %d" % (n, i)
            dist, txn, acc, fund = (f.text(rec, x) for x in (
                "DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode"))
            if not (dist and txn and acc and fund):
                raise DayFailed("migrate blank field", "migration failed: %s: blank field" % where)
            vol = num(f.raw(rec, "TotalVolOfDistributorInTA"),
                      f.field("TotalVolOfDistributorInTA"))
            if vol is None:
                raise DayFailed("migrate TotalVol not digits",
                                "migration failed: %s: TotalVolOfDistributorInTA not digits" % where)
            if acc in st.accounts and st.accounts[acc] != (dist, txn):
                raise DayFailed("migrate TAAccountID with two accounts",
                                "migration failed: %s: TAAccountID belongs to two accounts" % where)
            if (dist, txn) in st.by_txn and st.by_txn[(dist, txn)] != acc:
                raise DayFailed("migrate account with two TAAccountIDs",
                                "migration failed: %s: account has two TAAccountIDs" % where)
            if (acc, fund) in seen_pos:
                raise DayFailed("migrate position twice",
                                "migration failed: %s: position appears twice" % where)
            seen_pos.add((acc, fund))
            st.accounts[acc] = (dist, txn)
            st.by_txn[(dist, txn)] = acc
            st.positions[(acc, fund)] = vol
    ids = [int(a) for a in st.accounts if len(a) == 12 and is_digits(a)]
    st.next_id = max(ids) + 1 if ids else 1
    st.last_day = day
    return st
