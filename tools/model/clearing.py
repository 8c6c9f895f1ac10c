"""The clearing day of the OpenTA v2 reference model (migration: migration.py).

Spec sections: v2 2.1-2.9 (openta-exchange-and-clearing-v2.md), which keep
v1's rules (openta-exchange-and-clearing-v1.md) where v2 is silent.
Money is kept as exact Fractions of currency units; nothing is float.
"""
import copy
import os
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor, ceil

import ofd
from ofd import trim, is_digits, is_alnum, Rejected

CENT = Fraction(1, 100)
MAX_N16_2 = Fraction(10 ** 16 - 1, 100)          # 99999999999999.99


class DayFailed(Exception):
    """A failed day or migration: rule is a stable id (first line of
    DAY-FAILED, see README), message the human text."""

    def __init__(self, rule, message):
        super().__init__(rule, message)
        self.rule, self.message = rule, message

    def __str__(self):
        return "%s\n%s" % (self.rule, self.message)


def fail(rule, message=None):
    raise DayFailed(rule, "day failed: " + (message or rule))

# --------------------------------------------------------------------------
# Rounding helpers (v1 2.3, 2.4)
# --------------------------------------------------------------------------


def round_half_up(x):
    """To 0.01, half away from zero (x is >= 0 in 2.3; signed in 2.4)."""
    s = -1 if x < 0 else 1
    return s * Fraction(floor(abs(x) * 100 + Fraction(1, 2)), 100)


def trunc2(x):
    """To 0.01 toward zero."""
    s = -1 if x < 0 else 1
    return s * Fraction(floor(abs(x) * 100), 100)


def ceil2(x):
    return Fraction(ceil(x * 100), 100)


def num(raw, fd):
    """Value of an N field that is all digits, else None."""
    if raw is None or not is_digits(raw):
        return None
    return Fraction(int(raw), 10 ** fd.dec)


def scaled(v, dec):
    """Fraction -> int with dec implied decimals, exactly."""
    s = v * 10 ** dec
    assert s.denominator == 1, (v, dec)
    return int(s)

# --------------------------------------------------------------------------
# State carried between days
# --------------------------------------------------------------------------


@dataclass
class Fund:
    name: bytes
    type: bytes                                   # FundType, '04' money market


@dataclass
class FeeRecord:                                  # one C5 record (v2 2.1)
    method: bytes
    lower: Fraction
    upper: Fraction
    rate: Fraction
    constant: Fraction
    minfee: Fraction
    maxfee: Fraction


@dataclass
class State:
    last_day: str = None                          # last cleared (or migrated) day
    next_id: int = 1                              # TAAccountID sequence (v1 2.2)
    accounts: dict = field(default_factory=dict)  # TAAccountID -> (dist, txnacct)
    by_txn: dict = field(default_factory=dict)    # (dist, txnacct) -> TAAccountID
    positions: dict = field(default_factory=dict) # (TAAccountID, fund) -> close
    funds: dict = field(default_factory=dict)     # FundCode -> Fund
    fees: dict = field(default_factory=dict)      # (FundCode, BusinessCode) -> [FeeRecord]


def dist_name(b):
    return b.decode("gbk", errors="replace")


def pad(fname, value):
    """A text field as written in the v21 layout (ordering key, v2 1.3)."""
    return ofd.fmt_field(ofd.DICT21[fname.lower()], value)


def conf_code(bc):
    """Application's BusinessCode with its first character replaced by '1'
    (v1 2.2, v2 1.6)."""
    if not bc:
        return b""
    starts = ofd.gbk_char_starts(bc)
    return b"1" + bc[starts[1]:] if starts else b"1" + bc[1:]


def valid_time(t):
    return (len(t) == 6 and is_digits(t) and int(t[0:2]) <= 23
            and int(t[2:4]) <= 59 and int(t[4:6]) <= 59)

# --------------------------------------------------------------------------
# The day
# --------------------------------------------------------------------------


def list_inbox(inbox):
    return sorted(n for n in os.listdir(inbox)
                  if os.path.isfile(os.path.join(inbox, n)))


def clear_day(state, day, inbox, ta="99"):
    """Clear day T.  Returns (new_state, {file name: bytes}) or raises
    DayFailed; the given state is never modified."""
    st = copy.deepcopy(state)
    out = {}
    if st.last_day is not None and day <= st.last_day:
        fail("T not later than last cleared day",
             "%s is not later than the last cleared day %s" % (day, st.last_day))
    names = list_inbox(inbox)
    blobs = {n: open(os.path.join(inbox, n), "rb").read() for n in names}

    def reject(n, reason, detail):
        out[n + ".ERR"] = b"REJECTED %s %s\r\n" % (reason.encode(), detail.encode())

    # ---- v2 1.7: index files --------------------------------------------
    listed_ok = {}          # sender -> set of inbox names listed by an accepted index
    index_rejected = set()  # senders with a rejected index (name parsed)
    for n in names:
        if not n.startswith("OFI_"):
            continue
        sender, accepted, detail = ofd.check_index(n, blobs[n], ta, day, names)
        if accepted is None:
            reject(n, "INDEX", detail)
            if sender is not None:
                index_rejected.add(sender)
        else:
            listed_ok.setdefault(sender, set()).update(accepted)

    # ---- v2 1.5: data files, checks 1-8, then 9 (INDEX) -------------------
    files = []
    fm_failure = None
    for n in names:
        if n.startswith("OFI_"):
            continue
        try:
            f = ofd.check_data_file(n, blobs[n], ta, day)
            if f.dn.type in ("01", "03") and n not in listed_ok.get(f.dn.sender, ()):
                raise Rejected("INDEX", "index rejected" if f.dn.sender in index_rejected
                               else "not listed")
            files.append(f)
        except Rejected as r:
            reject(n, r.reason, r.detail)
            if fm_failure is None and ofd.rejected_type(n, blobs[n]) & {"07", "C1", "C5"}:
                fm_failure = (n, r)
    if fm_failure:
        n, r = fm_failure
        fail("rejected 07/C1/C5 file", "fund-manager file %s rejected: %s %s"
             % (n, r.reason, r.detail))

    by_type = {}
    for f in files:                                   # names are in order
        by_type.setdefault(f.dn.type, []).append(f)

    quotes = day_init(st, day, by_type)

    # ---- v2 2.2: accounts -------------------------------------------------
    dup = duplicate_serials(files)
    out02 = {}
    for f in sorted(by_type.get("01", []), key=lambda f: (f.dn.sender, f.name)):
        out02.setdefault(f.dn.sender, [])             # an empty 01 file gets an 02 too
        for i, rec in enumerate(f.records):
            r = account(st, day, f, i, rec, dup)
            out02.setdefault(f.dn.sender, []).append(((r["AppSheetSerialNo_key"], f.name, i), r))
    out02 = {d: [r for _, r in sorted(rs, key=lambda x: x[0])] for d, rs in out02.items()}

    # ---- v2 2.3-2.5: main trades, income, share adjustment ---------------
    prev = dict(st.positions)                         # previous close
    reserve = {}                                      # 2.5: negative-income reserve
    for (acc, fund), e in prev.items():
        q = quotes.get(fund)
        if q and st.funds[fund].type == b"04" and q["u"] < 0 and e > 0:
            reserve[(acc, fund)] = ceil2(abs(e * q["u"] / 10000))
    out04 = {}                                        # (batch, dist) -> records
    batches = sorted({f.dn.batch for f in by_type.get("03", [])} | {"000"})
    for batch in batches:
        if batch == "000":
            base, res_ = prev, reserve
        else:
            base, res_ = dict(st.positions), {}       # 2.6: close before the batch
        clear_trades(st, day, quotes, [f for f in by_type.get("03", [])
                                       if f.dn.batch == batch],
                     base, res_, dup, out04, batch)
        if batch == "000":
            income = profit(st, quotes, prev)         # 2.4 on the previous close
            for pos, inc in income.items():           # 2.5 share adjustment
                st.positions[pos] += inc

    # ---- v2 2.7: outputs --------------------------------------------------
    for (acc, fund), inc in sorted(income.items(), key=lambda x: (pad("TAAccountID", x[0][0]),
                                                                   pad("FundCode", x[0][1]))):
        if inc < 0:                                   # 2.4 income reduction, 145
            dist, txn = st.accounts[acc]
            out04.setdefault(("000", dist_name(dist)), []).append({
                "TransactionCfmDate": day.encode(), "TransactionAccountID": txn,
                "DistributorCode": dist, "TAAccountID": acc, "FundCode": fund,
                "BusinessCode": b"145", "ConfirmedVol": scaled(-inc, 2),
                "NAV": 10000, "ReturnCode": b"0000", "ErrorDetail": ofd.RETURN_TEXT["0000"],
                "CurrencyType": b"156", "DownLoaddate": day.encode(),
                "BusinessFinishFlag": b"1", "FromTAFlag": b"1"})
    serial = 0                                        # TASerialNO (2.7)
    for key in sorted(out04):
        for r in out04[key]:
            serial += 1
            r["TASerialNO"] = day.encode() + b"%012d" % serial

    dist_files = {}

    def emit(dist, ftype, recs, batch="000"):
        n = ofd.data_name(ta, dist, day, ftype, batch)
        out[n] = ofd.write_data_file(ftype, ta, dist, day, recs)
        dist_files.setdefault(dist, []).append(n)

    for dist, recs in out02.items():
        emit(dist, "02", recs)
    for (batch, dist), recs in out04.items():
        emit(dist, "04", recs, batch)
    out05, out06 = {}, {}
    for (acc, fund) in sorted(st.positions, key=lambda p: (pad("TAAccountID", p[0]),
                                                           pad("FundCode", p[1]))):
        dist, txn = st.accounts[acc]
        close = st.positions[(acc, fund)]
        common = {"TransactionCfmDate": day.encode(), "DistributorCode": dist,
                  "TransactionAccountID": txn, "TAAccountID": acc, "FundCode": fund}
        out05.setdefault(dist_name(dist), []).append(dict(
            common, TotalVolOfDistributorInTA=scaled(close, 2),
            AvailableVol=scaled(close, 2), AccountStatus=b"0"))
        inc = income.get((acc, fund))
        if inc is not None and inc >= 0:
            v = scaled(inc, 2)
            out06.setdefault(dist_name(dist), []).append(dict(
                common, CurrencyType=b"156", BusinessCode=b"143", ReturnCode=b"0000",
                DividendType=b"2", DividentDate=day.encode(),
                BasisforCalculatingDividend=scaled(prev[(acc, fund)], 2),
                DividendAmount=v, ConfirmedAmount=v, VolOfDividendforReinvestment=v,
                NAV=10000, DefDividendMethod=b"0"))
    for dist, recs in out05.items():
        emit(dist, "05", recs)
    for dist, recs in out06.items():
        emit(dist, "06", recs)
    for dist, fl in dist_files.items():               # v2 1.7: the TA's own OFI
        out["OFI_%s_%s_%s.TXT" % (ta, dist, day)] = ofd.write_index(ta, dist, day, sorted(fl))
    st.last_day = day
    return st, out

# --------------------------------------------------------------------------
# v2 2.1 day initialisation
# --------------------------------------------------------------------------


def day_init(st, day, by_type):
    # C1: add or replace funds, files in name order, records in order
    for f in by_type.get("C1", []):
        for i, rec in enumerate(f.records, 1):
            code = f.text(rec, "FundCode")
            if not code:
                fail("C1 FundCode blank", "%s record %d: blank FundCode" % (f.name, i))
            ftype = f.text(rec, "FundType")
            if ftype not in (b"01", b"02", b"03", b"04"):
                fail("C1 FundType not 01-04", "%s record %d: FundType %r"
                     % (f.name, i, ftype.decode("gbk", "replace")))
            st.funds[code] = Fund(f.text(rec, "FundName"), ftype)
    # C5: replace the table of every (FundCode, BusinessCode) named on T
    new_tables = {}
    for f in by_type.get("C5", []):
        for i, rec in enumerate(f.records, 1):
            where = "%s record %d" % (f.name, i)
            code = f.text(rec, "FundCode")
            if not code:
                fail("C5 FundCode blank", where + ": blank FundCode")
            bc = f.raw(rec, "BusinessCode")
            if not (len(trim(bc)) == 3 and is_digits(trim(bc))):
                fail("C5 BusinessCode not 3 digits", where + ": BusinessCode not 3 digits")
            method = f.text(rec, "GetFeeRateMethod")
            if method not in (b"0", b"1", b"2", b"3"):
                fail("C5 GetFeeRateMethod not 0-3", where + ": GetFeeRateMethod not 0-3")
            vals = {}
            for fn in ("AmountLowerLimit", "AmountUpperLimit", "RateFee",
                       "ConstantFee", "MinFee", "MaxFee"):
                v = num(f.raw(rec, fn), f.field(fn))
                if v is None:
                    fail("C5 amount not digits", "%s: %s not digits" % (where, fn))
                vals[fn] = v
            new_tables.setdefault((code, trim(bc)), []).append(FeeRecord(
                method, vals["AmountLowerLimit"], vals["AmountUpperLimit"],
                vals["RateFee"], vals["ConstantFee"], vals["MinFee"], vals["MaxFee"]))
    st.fees.update(new_tables)
    # 07: one quote per catalogue fund
    if not by_type.get("07"):
        fail("no 07 file", "no 07 file")
    quotes = {}
    for f in by_type["07"]:
        for i, rec in enumerate(f.records, 1):
            where = "%s record %d" % (f.name, i)
            code = f.text(rec, "FundCode")
            if code not in st.funds:
                fail("07 fund not in catalogue", where + ": fund not in the catalogue")
            if code in quotes:
                fail("07 fund quoted twice", where + ": fund quoted twice")
            if f.text(rec, "UpdateDate") != day.encode():
                fail("07 UpdateDate not T", where + ": UpdateDate is not T")
            nav = num(f.raw(rec, "NAV"), f.field("NAV"))
            if nav is None:
                fail("07 NAV not digits", where + ": NAV not digits")
            inc = num(f.raw(rec, "FundIncome"), f.field("FundIncome"))
            if inc is None:
                fail("07 FundIncome not digits", where + ": FundIncome not digits")
            if nav == 0:
                fail("07 NAV is 0", where + ": NAV is 0")
            if nav > Fraction(9999999, 10000) or (nav * 10000).denominator != 1:
                fail("07 NAV does not fit N7,4", where + ": NAV does not fit N7,4")
            if st.funds[code].type == b"04" and nav != 1:
                fail("07 money-market NAV not 1.0000", where + ": money-market NAV must be 1.0000")
            iflag = f.text(rec, "FundIncomeFlag")
            if iflag not in (b"0", b"1"):
                fail("07 FundIncomeFlag not 0 or 1", where + ": FundIncomeFlag not 0 or 1")
            if f.text(rec, "YieldFlag") not in (b"0", b"1"):
                fail("07 YieldFlag not 0 or 1", where + ": YieldFlag not 0 or 1")
            status = f.text(rec, "FundStatus")
            if status not in (b"0", b"1", b"4", b"5", b"6", b"8", b"9"):
                fail("07 FundStatus invalid", where + ": FundStatus not 0,1,4,5,6,8,9")
            quotes[code] = {"nav": nav, "u": -inc if iflag == b"1" else inc,
                            "status": status}
    for code in sorted(st.funds):
        if code not in quotes:
            fail("07 catalogue fund without quote", "fund %s has no quote"
                 % code.decode("gbk", "replace"))
    return quotes

# --------------------------------------------------------------------------
# v1 2.2 / v2 2.2 accounts
# --------------------------------------------------------------------------


def duplicate_serials(files):
    """0496: per sender, over its accepted 01 and 03 files in order (batch,
    01 before 03, record order); every record counts.  Returns the set of
    (file name, record index) that repeat an earlier AppSheetSerialNo."""
    dup, seen = set(), {}
    order = sorted((f for f in files if f.dn.type in ("01", "03")),
                   key=lambda f: (f.dn.sender, f.dn.batch, f.dn.type, f.name))
    for f in order:
        s = seen.setdefault(f.dn.sender, set())
        for i, rec in enumerate(f.records):
            sn = f.text(rec, "AppSheetSerialNo")
            if sn in s:
                dup.add((f.name, i))
            s.add(sn)
    return dup


def account(st, day, f, i, rec, dup):
    t = lambda n: f.text(rec, n)
    sender = f.dn.sender.encode()
    dist, txn = t("DistributorCode"), t("TransactionAccountID")
    if not is_alnum(t("AppSheetSerialNo")):
        code = "0139"
    elif (f.name, i) in dup:
        code = "0496"
    elif dist != sender:
        code = "0105"
    elif t("TransactionDate") != day.encode():
        code = "0201"
    elif not valid_time(t("TransactionTime")):
        code = "0202"
    elif not is_alnum(txn):
        code = "0104"
    elif t("BusinessCode") != b"001":
        code = "0103"
    elif t("IndividualOrInstitution") not in (b"0", b"1"):
        code = "0107"
    elif (dist, txn) in st.by_txn:
        code = "0392"
    else:
        code = "0000"
    acc = b""
    if code == "0000":
        acc = b"%012d" % st.next_id
        st.next_id += 1
        st.accounts[acc] = (dist, txn)
        st.by_txn[(dist, txn)] = acc
    return {"AppSheetSerialNo_key": pad("AppSheetSerialNo", t("AppSheetSerialNo")),
            "AppSheetSerialNo": t("AppSheetSerialNo"), "TransactionCfmDate": day.encode(),
            "ReturnCode": code.encode(), "TransactionAccountID": txn,
            "DistributorCode": dist, "BusinessCode": conf_code(t("BusinessCode")),
            "TAAccountID": acc, "TransactionDate": t("TransactionDate"),
            "TransactionTime": t("TransactionTime"),
            "IndividualOrInstitution": t("IndividualOrInstitution"),
            "ErrorDetail": ofd.RETURN_TEXT[code]}

# --------------------------------------------------------------------------
# v1 2.3 / v2 2.3 trades, v2 2.6 secondary clearing
# --------------------------------------------------------------------------

STATUS_REFUSAL = {b"1": "0004", b"8": "0376", b"9": "0005", b"4": "0380"}


def fee_record(st, fund, ccode, x):
    """v2 2.3: method 0 or 1, lower <= X and (upper = 0 or X <= upper);
    the largest lower limit, then the first in table order."""
    best = None
    for r in st.fees.get((fund, ccode), []):
        if r.method in (b"0", b"1") and r.lower <= x and (r.upper == 0 or x <= r.upper):
            if best is None or r.lower > best.lower:
                best = r
    return best


def apply_fee(rec, base_fee, x):
    fee = base_fee
    if rec is not None:
        if rec.minfee > 0:
            fee = max(fee, rec.minfee)
        if rec.maxfee > 0:
            fee = min(fee, rec.maxfee)
    return min(fee, x)


def clear_trades(st, day, quotes, files, base, reserve, dup, out04, batch):
    """One clearing (main '000' or a supplementary batch).  base: the close
    available shares start from; reserve: 2.5 negative-income reserve."""
    apps = []
    for f in sorted(files, key=lambda f: (f.dn.sender, f.name)):
        for i, rec in enumerate(f.records):
            apps.append((f, i, rec))
    # applications of one position in order of TransactionTime, then
    # AppSheetSerialNo, then record order (v1 2.3); a global sort keeps that
    apps_sorted = sorted(apps, key=lambda a: (a[0].raw(a[2], "TransactionTime"),
                                              pad("AppSheetSerialNo", a[0].text(a[2], "AppSheetSerialNo")),
                                              a[0].dn.sender, a[0].name, a[1]))
    redeemed = {}
    results = {}
    for f, i, rec in apps_sorted:
        results[(f.name, i)] = trade(st, day, quotes, f, i, rec, dup, base, reserve, redeemed)
    # 2.7: by AppSheetSerialNo, then record order (then file name, when a
    # distributor sent two files of one batch differing only in case)
    per_dist = {f.dn.sender: [] for f in files}       # an empty 03 file gets an 04 too
    for f, i, rec in apps:
        r = results[(f.name, i)]
        per_dist.setdefault(f.dn.sender, []).append(((r["AppSheetSerialNo_key"], f.name, i), r))
    for dist, rs in per_dist.items():
        out04.setdefault((batch, dist), []).extend(r for _, r in sorted(rs, key=lambda x: x[0]))


def trade(st, day, quotes, f, i, rec, dup, base, reserve, redeemed):
    t = lambda n: f.text(rec, n)
    sender = f.dn.sender.encode()
    dist, txn, fund, bc = t("DistributorCode"), t("TransactionAccountID"), t("FundCode"), t("BusinessCode")
    amt_raw, vol_raw = f.raw(rec, "ApplicationAmount"), f.raw(rec, "ApplicationVol")
    amount = num(amt_raw, f.field("ApplicationAmount"))
    vol = num(vol_raw, f.field("ApplicationVol"))
    acc_out = t("TAAccountID")
    cfm_amt = cfm_vol = charge = ratefee = Fraction(0)
    nav = quotes[fund]["nav"] if fund in st.funds else Fraction(0)
    purchase = bc == b"022"

    def check():
        nonlocal acc_out, cfm_amt, cfm_vol, charge, ratefee
        if not is_alnum(t("AppSheetSerialNo")):
            return "0139"
        if (f.name, i) in dup:
            return "0496"
        if dist != sender:
            return "0105"
        if t("TransactionDate") != day.encode():
            return "0201"
        if not valid_time(t("TransactionTime")):
            return "0202"
        if bc not in (b"022", b"024"):
            return "0103"
        if fund not in st.funds:
            return "0200"
        acc = t("TAAccountID")
        if acc:
            if acc not in st.accounts:
                return "0009"
            if st.accounts[acc] != (dist, txn):
                return "0518"
        else:
            acc = st.by_txn.get((dist, txn))
            if acc is None:
                return "0009"
        acc_out = acc
        status = quotes[fund]["status"]
        if status in STATUS_REFUSAL:
            return STATUS_REFUSAL[status]
        if status == b"5" and purchase:
            return "0381"
        if status == b"6" and not purchase:
            return "0382"
        pos = (acc, fund)
        if purchase:
            if amount is None or amount <= 0:
                return "0207"
            x = amount
            fr = fee_record(st, fund, b"122", x)
            fee = Fraction(0)
            if fr is not None and fr.method == b"1":
                fee = x - round_half_up(x / (1 + fr.rate))
            elif fr is not None:
                fee = fr.constant
            fee = apply_fee(fr, fee, x)
            v = trunc2((x - fee) / nav)
            if v <= 0:
                return "0402"
            if (v > MAX_N16_2 or fee > Fraction(10 ** 10 - 1, 100)
                    or st.positions.get(pos, 0) + v > MAX_N16_2):
                return "0307"
            cfm_amt, cfm_vol, charge = x, v, fee
            ratefee = fr.rate if fr is not None and fr.method == b"1" else 0
            st.positions[pos] = st.positions.get(pos, 0) + v
            return "0000"
        if vol is None or vol <= 0:
            return "0206"
        avail = base.get(pos, 0) - redeemed.get(pos, 0) - reserve.get(pos, 0)
        if vol > avail:
            return "0001"
        gross = round_half_up(vol * nav)
        fr = fee_record(st, fund, b"124", gross)
        fee = Fraction(0)
        if fr is not None and fr.method == b"1":
            fee = round_half_up(gross * fr.rate)
        elif fr is not None:
            fee = fr.constant
        fee = apply_fee(fr, fee, gross)
        if gross - fee <= 0:
            return "0352"
        if gross - fee > MAX_N16_2 or fee > Fraction(10 ** 10 - 1, 100):
            return "0401"
        cfm_amt, cfm_vol, charge = gross - fee, vol, fee
        ratefee = fr.rate if fr is not None and fr.method == b"1" else 0
        redeemed[pos] = redeemed.get(pos, 0) + vol
        st.positions[pos] -= vol
        return "0000"

    code = check()
    return {"AppSheetSerialNo_key": pad("AppSheetSerialNo", t("AppSheetSerialNo")),
            "AppSheetSerialNo": t("AppSheetSerialNo"), "TransactionDate": t("TransactionDate"),
            "TransactionTime": t("TransactionTime"), "TransactionAccountID": txn,
            "DistributorCode": dist, "FundCode": fund,
            "ApplicationAmount": scaled(amount, 2) if amount is not None else 0,
            "ApplicationVol": scaled(vol, 2) if vol is not None else 0,
            "Specification": t("Specification"),
            "TransactionCfmDate": day.encode(), "TAAccountID": acc_out,
            "BusinessCode": conf_code(bc), "ConfirmedAmount": scaled(cfm_amt, 2),
            "ConfirmedVol": scaled(cfm_vol, 2), "Charge": scaled(charge, 2),
            "NAV": scaled(nav, 4), "RateFee": scaled(ratefee, 8),
            "ReturnCode": code.encode(), "ErrorDetail": ofd.RETURN_TEXT[code],
            "CurrencyType": b"156", "DownLoaddate": day.encode(),
            "BusinessFinishFlag": b"1", "FromTAFlag": b"0"}

# --------------------------------------------------------------------------
# v1 2.4 money-market income
# --------------------------------------------------------------------------


def profit(st, quotes, prev):
    """Income of every money-market position with e > 0 (e = previous close)."""
    income = {}
    for fund in sorted(st.funds):
        if st.funds[fund].type != b"04":
            continue
        u = quotes[fund]["u"]
        pos = [(p, e) for p, e in prev.items() if p[1] == fund and e > 0]
        if not pos:
            continue
        raw = {p: e * u / 10000 for p, e in pos}                  # step 1
        R = round_half_up(sum(raw.values()))                        # step 2
        base = {p: trunc2(r) for p, r in raw.items()}               # step 3
        k = int((R - sum(base.values())) * 100)                     # step 4
        order = sorted(pos, key=lambda pe: (-abs(raw[pe[0]] - base[pe[0]]), -pe[1],
                                            pad("TAAccountID", pe[0][0])))
        sign = -1 if u < 0 else 1
        for j, (p, e) in enumerate(order):                          # step 5-6
            income[p] = base[p] + (sign * CENT if j < abs(k) else 0)
    return income
