#!/usr/bin/env python3
"""Build the inputs of the user example examples/mmf-two-distributors.

    python3 tools/model/examples_case.py [EXAMPLES_DIR]
    python3 tools/model/generate.py examples
    python3 tools/model/check_golden.py examples

The first writes the day folders' in/ (replacing the case folder), the second
the expected out/ with the model, the third checks them.  See
examples/README.md for what each day shows.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_cases import (REPO, Case, ofd_file, index_file, name, iname, acct, buy,  # noqa: E402
                         sell, quote, fund, fee, fm, F01, F03S)

MMF, MIX = "001001", "001002"
D1, D2, D3 = "20270104", "20270105", "20270106"

FUNDS = [fund(MMF, "开放货币市场基金", "04"), fund(MIX, "稳健增长混合型基金", "03")]

# The mixed fund's fee tables (the money-market fund has none: no fee).
# 122 purchase: 1.5% below 500,000.00; 1.2% up to 4,999,999.99; a fixed 1000.00
# from 5,000,000.00.  124 redemption: 0.5%, at least 1.00.
FEES = [
    fee(MIX, "122", "1", lower="0", upper="499999.99", rate="0.015"),
    fee(MIX, "122", "1", lower="500000.00", upper="4999999.99", rate="0.012"),
    fee(MIX, "122", "0", lower="5000000.00", upper="0", const="1000.00"),
    fee(MIX, "124", "1", lower="0", upper="0", rate="0.005", minfee="1.00"),
]


def quotes(date, mix_nav, income, iflag, yld):
    return [quote(MMF, date, "1.0000", income=income, iflag=iflag, yld=yld),
            quote(MIX, date, mix_nav)]


def dist(code, date, ver, f01=None, f03=None, batches=None):
    """A distributor's 01/03 files (03 with Specification) and its OFI index."""
    files, listed = {}, []
    if f01 is not None:
        n = name(code, "01", date)
        files[n] = ofd_file(ver, code, "99", date, "01", F01, f01)
        listed.append(n)
    if f03 is not None:
        n = name(code, "03", date)
        files[n] = ofd_file(ver, code, "99", date, "03", F03S, f03)
        listed.append(n)
    for b, rows in (batches or {}).items():
        n = name(code, "03", date, b)
        files[n] = ofd_file(ver, code, "99", date, "03", F03S, rows)
        listed.append(n)
    files[iname(code, date)] = index_file(ver, code, "99", date, listed)
    return files


def build(root):
    c = Case(root, "mmf-two-distributors")

    # Day 1: the fund manager's parameters; both distributors open accounts and buy.
    files = fm(D1, quotes(D1, "1.0000", "0.61230", "0", "2.23500"), FUNDS, FEES)
    files.update(dist("A01", D1, "21",
                      f01=[acct("A0100001", "6222000001", "A01", D1, time="091502"),
                           acct("A0100002", "6222000002", "A01", D1, time="092011"),
                           acct("A0100003", "6222000003", "A01", D1, time="093340", ind="0")],
                      f03=[buy("A0100011", "6222000001", "A01", D1, MMF, "50000.00", time="100105"),
                           buy("A0100012", "6222000001", "A01", D1, MIX, "20000.00", time="100230",
                               spec="定投计划第1期扣款"),
                           buy("A0100013", "6222000002", "A01", D1, MMF, "8000.00", time="101500"),
                           buy("A0100014", "6222000003", "A01", D1, MIX, "6000000.00", time="103000"),
                           buy("A0100015", "6222000003", "A01", D1, MIX, "600000.00", time="103100")]))
    files.update(dist("B02", D1, "22",
                      f01=[acct("B0200001", "B20001", "B02", D1, time="080001"),
                           acct("B0200002", "B20002", "B02", D1, time="081530")],
                      f03=[buy("B0200011", "B20001", "B02", D1, MMF, "1000.00", time="090000"),
                           buy("B0200012", "B20002", "B02", D1, MMF, "120000.00", time="091000"),
                           buy("B0200013", "B20002", "B02", D1, MMF, "0", time="091200")]))
    c.day(D1, files)

    # Day 2: positive income; purchases, redemptions, a refused redemption,
    # and A01's supplementary batch 001.
    files = fm(D2, quotes(D2, "1.0150", "0.59870", "0", "2.21800"))
    files.update(dist("A01", D2, "21",
                      f03=[buy("A0100021", "6222000002", "A01", D2, MIX, "3000.00", time="093000"),
                           sell("A0100022", "6222000001", "A01", D2, MMF, "10000.00", time="094500"),
                           sell("A0100023", "6222000001", "A01", D2, MIX, "100.00", time="095000"),
                           sell("A0100024", "6222000002", "A01", D2, MMF, "9000.00", time="100000")],
                      batches={"001": [
                          buy("A0100031", "6222000001", "A01", D2, MMF, "5000.00", time="143000"),
                          sell("A0100032", "6222000003", "A01", D2, MIX, "100000.00", time="144500")]}))
    files.update(dist("B02", D2, "22",
                      f03=[buy("B0200021", "B20001", "B02", D2, MMF, "2500.00", time="082000"),
                           sell("B0200022", "B20002", "B02", D2, MMF, "20000.00", time="083000")]))
    c.day(D2, files)

    # Day 3: a small negative income (145 records); one A01 redemption, B02 sends nothing.
    files = fm(D3, quotes(D3, "1.0120", "0.03210", "1", "2.19000"))
    files.update(dist("A01", D3, "21",
                      f03=[sell("A0100041", "6222000002", "A01", D3, MIX, "500.00", time="110000")]))
    c.day(D3, files)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "examples")
    os.makedirs(root, exist_ok=True)
    build(root)
    print("built", os.path.join(root, "mmf-two-distributors"))


if __name__ == "__main__":
    main()
