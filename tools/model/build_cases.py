#!/usr/bin/env python3
"""Build the inputs of our own v2 cases (functions/launcher/src/test/resources/cases-v2).

    python3 tools/model/build_cases.py [CASES_DIR]
    python3 tools/model/generate.py functions/launcher/src/test/resources/cases-v2

The first writes every case's day folders' in/ (replacing them); the second
writes the expected out/ with the model.  Text is GBK bytes; see README.md
in the cases folder for what each case exercises.
"""
import os
import shutil
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ofd  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(REPO, "functions", "launcher", "src", "test", "resources", "cases-v2")

F01 = ["AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID",
       "DistributorCode", "BusinessCode", "IndividualOrInstitution"]
F03 = ["AppSheetSerialNo", "TransactionDate", "TransactionTime", "TransactionAccountID",
       "DistributorCode", "TAAccountID", "BusinessCode", "FundCode", "ApplicationAmount",
       "ApplicationVol"]
F03S = F03 + ["Specification"]
F07 = ["FundCode", "UpdateDate", "NAV", "FundIncome", "FundIncomeFlag", "Yield",
       "YieldFlag", "FundStatus"]
FC1 = ["FundCode", "FundName", "FundType"]
FC5 = ["FundCode", "BusinessCode", "GetFeeRateMethod", "AmountLowerLimit",
       "AmountUpperLimit", "RateFee", "ConstantFee", "MinFee", "MaxFee"]
F05 = ["DistributorCode", "TransactionAccountID", "TAAccountID", "FundCode",
       "TotalVolOfDistributorInTA"]

# ---------------------------------------------------------------------------
# low-level writers
# ---------------------------------------------------------------------------


def gbk(s):
    return s if isinstance(s, bytes) else s.encode("gbk")


def value(fd, v):
    """Bytes of one field: bytes are used as they are (must fit the width),
    str/int for N are decimal numbers, str for A/C is text."""
    if isinstance(v, bytes):
        assert len(v) == fd.width, (fd, v)
        return v
    if fd.type == "N":
        n = Decimal(str(v or 0)) * (10 ** fd.dec)
        assert n == n.to_integral_value(), (fd, v)
        s = str(int(n))
        assert len(s) <= fd.width, (fd, v)
        return s.rjust(fd.width, "0").encode()
    b = gbk(v or "")
    assert len(b) <= fd.width, (fd, v)
    return b.ljust(fd.width, b" ")


def ofd_file(ver, sender, receiver, date, ftype, fields, rows, eol=b"\r\n",
             names=None, fcount=None, rcount=None, extra_lines=None):
    """An exchange file.  ver '20'/'21'/'22' decides the header padding and
    the dictionary; names: how field names are spelled (default dictionary
    spelling); fcount/rcount: the count lines as written (default 3/8 digits
    for 20-21, 8/16 for 22)."""
    dic = ofd.DICTS[ver.encode()]
    fds = [dic[f.lower()] for f in fields]
    w = 9 if ver != "22" else 20
    six = 8 if ver == "22" else 0
    lines = [b"OFDCFDAT", ver.encode().ljust(4 if ver != "22" else 8),
             sender.encode().ljust(w), receiver.encode().ljust(w), date.encode(),
             b"999".ljust(six), ftype.encode().ljust(six), b" " * 8, b" " * 8,
             (fcount if fcount is not None else
              (b"%03d" if ver != "22" else b"%08d") % len(fields))]
    lines += [gbk(n) for n in (names or [f.name for f in fds])]
    lines.append(rcount if rcount is not None else
                 (b"%08d" if ver != "22" else b"%016d") % len(rows))
    for r in rows:
        if isinstance(r, bytes):
            lines.append(r)
        else:
            unknown = set(r) - set(fields)
            assert not unknown, unknown
            lines.append(b"".join(value(fd, r.get(fd.name)) for fd in fds))
    lines.append(b"OFDCFEND")
    return eol.join(lines) + eol


def index_file(ver, sender, receiver, date, names, eol=b"\r\n"):
    w = 9 if ver != "22" else 20
    lines = [b"OFDCFIDX", ver.encode().ljust(4 if ver != "22" else 8),
             sender.encode().ljust(w), receiver.encode().ljust(w), date.encode(),
             (b"%03d" if ver != "22" else b"%08d") % len(names)] + [gbk(n) for n in names]
    lines.append(b"OFDCFEND")
    return eol.join(lines) + eol


def name(sender, ftype, date, batch=None, receiver="99", ext="TXT"):
    return "OFD_%s_%s_%s_%s%s.%s" % (sender, receiver, date, ftype,
                                      "_" + batch if batch else "", ext)


def iname(sender, date, receiver="99", ext="TXT"):
    return "OFI_%s_%s_%s.%s" % (sender, receiver, date, ext)

# ---------------------------------------------------------------------------
# record helpers
# ---------------------------------------------------------------------------


def acct(sn, txn, dist, date, time="093000", bc="001", ind="1"):
    return dict(AppSheetSerialNo=sn, TransactionDate=date, TransactionTime=time,
                TransactionAccountID=txn, DistributorCode=dist, BusinessCode=bc,
                IndividualOrInstitution=ind)


def trade(sn, txn, dist, date, fund, bc, amount=0, vol=0, ta="", time="100000", spec=None):
    r = dict(AppSheetSerialNo=sn, TransactionDate=date, TransactionTime=time,
             TransactionAccountID=txn, DistributorCode=dist, TAAccountID=ta,
             BusinessCode=bc, FundCode=fund, ApplicationAmount=amount, ApplicationVol=vol)
    if spec is not None:
        r["Specification"] = spec
    return r


def buy(sn, txn, dist, date, fund, amount, **kw):
    return trade(sn, txn, dist, date, fund, "022", amount=amount, **kw)


def sell(sn, txn, dist, date, fund, vol, **kw):
    return trade(sn, txn, dist, date, fund, "024", vol=vol, **kw)


def quote(fund, date, nav="1.0000", income=0, iflag="0", status="0", yld=0, yflag="0"):
    return dict(FundCode=fund, UpdateDate=date, NAV=nav, FundIncome=income,
                FundIncomeFlag=iflag, Yield=yld, YieldFlag=yflag, FundStatus=status)


def fund(code, fname, ftype):
    return dict(FundCode=code, FundName=fname, FundType=ftype)


def fee(fcode, bc, method, lower=0, upper=0, rate=0, const=0, minfee=0, maxfee=0):
    return dict(FundCode=fcode, BusinessCode=bc, GetFeeRateMethod=method,
                AmountLowerLimit=lower, AmountUpperLimit=upper, RateFee=rate,
                ConstantFee=const, MinFee=minfee, MaxFee=maxfee)


class Case:
    def __init__(self, root, cname, ta=None):
        self.dir = os.path.join(root, cname)
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir)
        if ta:
            with open(os.path.join(self.dir, "ta"), "w") as f:
                f.write(ta + "\n")

    def day(self, folder, files):
        d = os.path.join(self.dir, folder, "in")
        os.makedirs(d)
        for n, data in files.items():
            with open(os.path.join(d, n), "wb") as f:
                f.write(data)

# standard fund-manager files of a day


def fm(date, quotes, funds=None, fees=None, ver="21", sender="FM1"):
    files = {name(sender, "07", date): ofd_file(ver, sender, "99", date, "07", F07, quotes)}
    if funds is not None:
        files[name(sender, "C1", date)] = ofd_file(ver, sender, "99", date, "C1", FC1, funds)
    if fees is not None:
        files[name(sender, "C5", date)] = ofd_file(ver, sender, "99", date, "C5", FC5, fees)
    return files


def dist_files(dist, date, f01=None, f03=None, batches=None, ver="21", spec=False, ext="TXT"):
    """A distributor's 01/03 files (and 03 batches) with its index."""
    files, listed = {}, []
    if f01 is not None:
        n = name(dist, "01", date, ext=ext)
        files[n] = ofd_file(ver, dist, "99", date, "01", F01, f01)
        listed.append(n)
    if f03 is not None:
        n = name(dist, "03", date, ext=ext)
        files[n] = ofd_file(ver, dist, "99", date, "03", F03S if spec else F03, f03)
        listed.append(n)
    for b, rows in (batches or {}).items():
        n = name(dist, "03", date, b, ext=ext)
        files[n] = ofd_file(ver, dist, "99", date, "03", F03S if spec else F03, rows)
        listed.append(n)
    files[iname(dist, date)] = index_file(ver, dist, "99", date, listed)
    return files


def merge(*dicts):
    out = {}
    for d in dicts:
        out.update(d)
    return out

# ---------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------

def main():
    from cases_v2 import CASES      # the case definitions, built on the helpers above
    root = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    os.makedirs(root, exist_ok=True)
    for build in CASES:
        build(root)
        print("built", build.__name__)
    write_readme(root, CASES)


README_HEAD = """# Own cases of spec v2

Built by `tools/model/build_cases.py` (inputs) and `tools/model/generate.py`
(expected outputs, from the independent Python reference model in
`tools/model/`). Regenerate with:

    python3 tools/model/build_cases.py
    python3 tools/model/generate.py functions/launcher/src/test/resources/cases-v2
    python3 tools/model/check_golden.py functions/launcher/src/test/resources/cases-v2

Layout and comparison as in `golden-v2/README.md`: case folders with day
folders `<YYYYMMDD>[letter]` and `<YYYYMMDD>-migrate`, each with in/ and out/,
cleared in name order on a fresh state; `.ERR` files compare by their first
two words; a `ta` file at a case root gives the TA code; a successful migrate
day has no out/ folder (empty outbox).

**DAY-FAILED convention.** `out/DAY-FAILED` means the day (or migration) must
fail: exit 1, nothing written, nothing kept. Its first line is a stable rule
id, its second line the model's message (free text). A test compares the
failing rule with the first line, not the message. Rule ids:

| rule id | cause (spec) |
|---|---|
| `T not later than last cleared day` | 2.1, v1 |
| `rejected 07/C1/C5 file` | 1.5 last sentence, 2.1 |
| `C1 FundCode blank` / `C1 FundType not 01-04` | 2.1 |
| `C5 FundCode blank` / `C5 BusinessCode not 3 digits` / `C5 GetFeeRateMethod not 0-3` / `C5 amount not digits` | 2.1 |
| `no 07 file` | 2.1, v1 |
| `07 fund not in catalogue` / `07 fund quoted twice` / `07 UpdateDate not T` / `07 NAV not digits` / `07 FundIncome not digits` / `07 NAV is 0` / `07 NAV does not fit N7,4` / `07 money-market NAV not 1.0000` / `07 FundIncomeFlag not 0 or 1` / `07 YieldFlag not 0 or 1` / `07 FundStatus invalid` | 2.1 (per quote record, in this order) |
| `07 catalogue fund without quote` | 2.1 |
| `migrate after a cleared day` | 2.9 |
| `migrate file rejected <REASON>` (e.g. `migrate file rejected HEADER`) | 2.9 |
| `migrate blank field` / `migrate TotalVol not digits` / `migrate TAAccountID with two accounts` / `migrate account with two TAAccountIDs` / `migrate position twice` | 2.9 (per used record, in this order) |

When several causes hold, the first in the order of this table wins (see
tools/model/README.md); our cases have exactly one cause per failed day.

| case | what it exercises |
|---|---|
"""


def write_readme(root, cases):
    rows = []
    for build in cases:
        doc = " ".join(build.__doc__.split())
        rows.append("| %s | %s |" % (build.__name__.replace("_", "-"), doc.replace("|", "\\|")))
    with open(os.path.join(root, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(README_HEAD + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
