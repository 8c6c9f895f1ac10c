"""Definitions of our own v2 cases (inputs only), used by build_cases.py.

Each function builds one case folder; its docstring is what the case
exercises (copied to cases-v2/README.md).  Spec sections refer to
openta-exchange-and-clearing-v2.md.
"""
from build_cases import (Case, ofd_file, index_file, name, iname, acct, trade, buy, sell,
                         quote, fund, fee, fm, dist_files, merge, F01, F03, F03S, F07,
                         FC1, FC5, F05)

CN60 = "基金申购说明：本次为定期定额投资计划第十二期扣款确认书已完成"   # 60 bytes
assert len(CN60.encode("gbk")) == 60


def own_v2_01_file_rejections(root):
    """Every whole-file REASON of 1.5 in order: ENCODING (byte 0x80, byte 0xFF,
    a lead byte before CR, TAB, NUL), NAME (_000, 1-char type, lines 3/5/7
    disagreeing), HEADER (9 lines, marker, version 23, receiver, date, type
    02, field count not digits), BATCH (01 with _001), FIELDS (ends inside
    the list, a v22-only field in a v21 file, a field twice in other case,
    a needed field missing), TRAILER (blank last line, no trailer), COUNT
    (no count line, not digits, wrong), LENGTH (one byte short, a field
    boundary inside a two-byte character), INDEX (not listed; LENGTH wins
    over INDEX). Accepted odd formats: UPPERCASE and lowercase field names,
    field count `7`/`0007`, record count `2` and 16 digits in v21, version
    20 with LF and .txt, extra dictionary fields, fields in another order;
    empty 01, 03 and 03_001 files (02, 04, 04_001 with no records)."""
    T = "20270701"
    c = Case(root, "own-v2-01-file-rejections")
    files = fm(T, [quote("100001", T, "1.5000")], [fund("100001", "Mixed One", "03")])
    # --- accepted files in unusual but valid shapes
    f01 = ofd_file("21", "A01", "99", T, "01", F01,
                   [acct("1", "7001", "A01", T), acct("2", "7002", "A01", T)],
                   names=[n.upper() for n in F01], fcount=b"7", rcount=b"2")
    f03_fields = ["FundCode", "Charge", "ApplicationVol", "TAAccountID", "NAV",
                  "ApplicationAmount", "BusinessCode", "DistributorCode",
                  "TransactionAccountID", "TransactionTime", "TransactionDate",
                  "AppSheetSerialNo"]
    f03 = ofd_file("21", "A01", "99", T, "03", f03_fields,
                   [dict(buy("3", "7001", "A01", T, "100001", "1500.00"), Charge="9.99",
                         NAV="9.9999"),
                    buy("4", "7002", "A01", T, "100001", "300.00")],
                   names=[n.lower() for n in f03_fields], rcount=b"0000000000000002")
    files.update({name("A01", "01", T): f01, name("A01", "03", T): f03,
                  iname("A01", T): index_file("21", "A01", "99", T,
                                              [name("A01", "01", T), name("A01", "03", T)])})
    f01 = ofd_file("20", "A02", "99", T, "01", F01, [acct("1", "8001", "A02", T, ind="0")],
                   eol=b"\n", fcount=b"0007")
    files.update({name("A02", "01", T, ext="txt"): f01,
                  iname("A02", T, ext="txt"): index_file(
                      "20", "A02", "99", T, [name("A02", "01", T, ext="txt")], eol=b"\n")})

    files.update(dist_files("A03", T, [], [], batches={"001": []}))   # empty files: 02/04 with 0 records

    def one01(d, data, n=None, listed=True):
        n = n or name(d, "01", T)
        files[n] = data
        if listed:
            files[iname(d, T)] = index_file("21", d, "99", T, [n])

    good = lambda d: ofd_file("21", d, "99", T, "01", F01, [acct("1", "9001", d, T)])
    # ENCODING
    one01("E01", good("E01").replace(b"9001", b"9\x801"))
    one01("E02", good("E02").replace(b"9001", b"9\xff01"))
    one01("E03", good("E03").replace(b"0011\r\n", b"001\xb0\r\n"))      # lead byte before CR
    one01("E04", good("E04").replace(b"9001 ", b"9001\t"))
    one01("E05", good("E05").replace(b"        \r\n", b"\x00       \r\n", 1))
    # NAME
    files[name("N01", "01", T, "000")] = good("N01")
    files["OFD_N02_99_%s_1.TXT" % T] = good("N02")
    one01("N03", good("N03").replace(b"N03      \r\n", b"N03X     \r\n", 1))
    one01("N04", good("N04").replace(b"\r\n01\r\n", b"\r\n03\r\n", 1))
    one01("N05", good("N05").replace(b"\r\n%s\r\n" % T.encode(), b"\r\n20270702\r\n", 1))
    # HEADER
    g = good("H01")
    one01("H01", b"\r\n".join(g.split(b"\r\n")[:9]) + b"\r\n")
    one01("H02", good("H02").replace(b"OFDCFDAT", b"OFDCFDAX"))
    one01("H03", good("H03").replace(b"\r\n21  \r\n", b"\r\n23  \r\n"))
    one01("H04", ofd_file("21", "H04", "98", T, "01", F01, [acct("1", "9001", "H04", T)]),
          name("H04", "01", T, receiver="98"))
    one01("H05", ofd_file("21", "H05", "99", "20270630", "01", F01,
                          [acct("1", "9001", "H05", "20270630")]), name("H05", "01", "20270630"))
    files[name("H06", "02", T)] = ofd_file("21", "H06", "99", T, "02", F01,
                                           [acct("1", "9001", "H06", T)])
    one01("H07", ofd_file("21", "H07", "99", T, "01", F01, [acct("1", "9001", "H07", T)],
                          fcount=b"7a"))
    # BATCH
    one01("BT1", good("BT1"), name("BT1", "01", T, "001"))
    # FIELDS
    g = good("FL1").split(b"\r\n")
    one01("FL1", b"\r\n".join(g[:9] + [b"010"] + g[10:15]) + b"\r\n")
    one01("FL2", ofd_file("21", "FL2", "99", T, "01", F01, [acct("1", "9001", "FL2", T)])
          .replace(b"IndividualOrInstitution\r\n", b"IndividualOrInstitution\r\nUUID\r\n")
          .replace(b"\r\n007\r\n", b"\r\n008\r\n")
          .replace(b"0011\r\n", b"0011" + b" " * 32 + b"\r\n"))
    files[name("FL3", "03", T)] = ofd_file(
        "21", "FL3", "99", T, "03", F03 + ["AppSheetSerialNo"], [],
        names=F03 + ["APPSHEETSERIALNO"])
    files[name("FL4", "03", T)] = ofd_file("21", "FL4", "99", T, "03", F03[:-1], [])
    files[iname("FL3", T)] = index_file("21", "FL3", "99", T, [name("FL3", "03", T)])
    files[iname("FL4", T)] = index_file("21", "FL4", "99", T, [name("FL4", "03", T)])
    # TRAILER
    one01("TR1", good("TR1") + b"\r\n")
    one01("TR2", good("TR2").replace(b"OFDCFEND\r\n", b""))
    # COUNT
    one01("CT1", b"\r\n".join(l for l in good("CT1").split(b"\r\n")
                              if l not in (b"00000001",) and not l.startswith(b"1  ")))
    one01("CT2", good("CT2").replace(b"\r\n00000001\r\n", b"\r\n0000000x\r\n"))
    one01("CT3", good("CT3").replace(b"\r\n00000001\r\n", b"\r\n00000002\r\n"))
    # LENGTH
    one01("LN1", good("LN1").replace(b"0011\r\n", b"001\r\n"))
    rec = buy("1", "9001", "LN2", T, "100001", "100.00", spec="")
    data = ofd_file("21", "LN2", "99", T, "03", F03S + ["CurrencyType"],
                    [dict(rec, CurrencyType="156")])
    # Specification = 59 ASCII bytes + the lead byte of 中, CurrencyType starts with its trail
    data = data.replace(b" " * 60 + b"156", b"x" * 59 + "中".encode("gbk") + b"56")
    one01("LN2", data, name("LN2", "03", T))
    # INDEX: 03 not listed; a LENGTH error beats INDEX
    files[name("IX1", "01", T)] = ofd_file("21", "IX1", "99", T, "01", F01,
                                           [acct("1", "9001", "IX1", T)])
    files[name("IX1", "03", T)] = ofd_file("21", "IX1", "99", T, "03", F03,
                                           [buy("2", "9001", "IX1", T, "100001", "10.00")])
    files[iname("IX1", T)] = index_file("21", "IX1", "99", T, [name("IX1", "01", T)])
    files[name("IX2", "01", T)] = good("IX2").replace(b"0011\r\n", b"00111\r\n")
    c.day(T, files)


def own_v2_02_v22_wide_fields(root):
    """Version 22 throughout: header padding (version 8, codes 20, line 6 and
    type 8), UPPERCASE field names, 8/16-digit counts, FundName C200 with a
    long Chinese name, FundType 01-04, NAV N16,8 that fits N7,4 (1.2345,
    999.9999, 0.0001) and quotes that do not (1.23456789, 1000.0) failing the
    day, wide v22 fields declared in a 03 and ignored (Charge N16,2, NAV
    N16,8), Specification echo with Chinese (exactly 60 bytes) and mixed text, a v21
    file from another distributor with field count `0007` and record count
    `2`, a v20 C5 file."""
    c = Case(root, "own-v2-02-v22-wide-fields")
    T1, T2 = "20271001", "20271002"
    long_name = "天弘中证全指信息技术交易型开放式指数证券投资基金联接基金A类份额" * 3
    assert len(long_name.encode("gbk")) <= 200
    funds = [fund("110001", long_name, "01"), fund("110002", "长城债券", "02"),
             fund("110003", "混合精选", "03"), fund("110004", "现金宝货币", "04")]
    quotes = lambda T, nav1="1.23450000", nav2="999.99990000": [
        quote("110001", T, nav1), quote("110002", T, nav2),
        quote("110003", T, "0.00010000"), quote("110004", T, "1.00000000", income="0.98765")]
    files = {name("TH2", "C1", T1): ofd_file("22", "TH2", "99", T1, "C1", FC1, funds,
                                             names=[n.upper() for n in FC1]),
             name("TH2", "07", T1): ofd_file("22", "TH2", "99", T1, "07", F07, quotes(T1)),
             name("TH2", "C5", T1): ofd_file("20", "TH2", "99", T1, "C5", FC5,
                                             [fee("110001", "122", "1", rate="0.01"),
                                              fee("110002", "124", "1", rate="0.005")])}
    up01 = [n.upper() for n in F01]
    files[name("V22", "01", T1)] = ofd_file("22", "V22", "99", T1, "01", F01,
                                            [acct("K01", "ZH0001", "V22", T1),
                                             acct("K02", "ZH0002", "V22", T1, ind="0")],
                                            names=up01)
    f03 = F03S + ["Charge", "NAV"]
    files[name("V22", "03", T1)] = ofd_file("22", "V22", "99", T1, "03", f03, [
        dict(buy("K10", "ZH0001", "V22", T1, "110001", "10000.00", spec=CN60),
             Charge="123456789012.34", NAV="12345678.12345678"),
        buy("K11", "ZH0001", "V22", T1, "110002", "50000.00", spec="A类 份额 mixed 文本"),
        buy("K12", "ZH0002", "V22", T1, "110003", "1000.00", spec="最小净值"),
        buy("K13", "ZH0002", "V22", T1, "110004", "2000.00", spec="")],
        names=[n.upper() for n in f03])
    files[iname("V22", T1)] = index_file("22", "V22", "99", T1,
                                         [name("V22", "01", T1), name("V22", "03", T1)])
    files[name("W21", "01", T1)] = ofd_file("21", "W21", "99", T1, "01", F01,
                                            [acct("1", "31", "W21", T1), acct("2", "32", "W21", T1)],
                                            fcount=b"0007", rcount=b"2")
    files[name("W21", "03", T1)] = ofd_file("21", "W21", "99", T1, "03", F03S, [
        buy("3", "31", "W21", T1, "110001", "2469.00", spec="普通话")])
    files[iname("W21", T1)] = index_file("21", "W21", "99", T1,
                                         [name("W21", "01", T1), name("W21", "03", T1)])
    c.day(T1, files)
    c.day(T2, {name("TH2", "07", T2): ofd_file("22", "TH2", "99", T2, "07", F07,
                                               quotes(T2, nav1="1.23456789"))})
    c.day(T2 + "b", {name("TH2", "07", T2): ofd_file("22", "TH2", "99", T2, "07", F07,
                                                     quotes(T2, nav2="1000.00000000"))})
    files = {name("TH2", "07", T2): ofd_file("22", "TH2", "99", T2, "07", F07,
                                             quotes(T2, nav1="1.30000000"))}
    files[name("V22", "03", T2)] = ofd_file("22", "V22", "99", T2, "03", F03S, [
        sell("K20", "ZH0001", "V22", T2, "110001", "100.00", spec="赎回"),
        sell("K21", "ZH0001", "V22", T2, "110002", "10.00", spec="")])
    files[iname("V22", T2)] = index_file("22", "V22", "99", T2, [name("V22", "03", T2)])
    c.day(T2 + "c", files)


def own_v2_03_c5_fees(root):
    """C5 fee selection (2.3): method 1 and 0, MinFee raising a rate fee
    (RateFee still echoed), MaxFee capping a rate fee and a constant fee,
    fee capped at X (purchase -> 0402, redemption -> 0352), tiers with equal
    lower limits -> first in table order, AmountUpperLimit inclusive and 0 =
    unbounded, no record -> fee 0, methods 2/3 and codes 120/136 ignored,
    redemption tiers chosen by gross (NAV 1.2), a later day's C5 replacing
    one fund's 122 table while its 124 table stays."""
    c = Case(root, "own-v2-03-c5-fees")
    T1, T2 = "20270301", "20270302"
    funds = [fund("P00001", "Equity P1", "01"), fund("P00002", "Bond P2", "02"),
             fund("P00003", "Mixed P3", "03"), fund("P00004", "Mixed P4", "03")]
    navs = {"P00001": "1.2000", "P00002": "2.0000", "P00003": "1.0000", "P00004": "1.0000"}
    q = lambda T: [quote(f, T, n) for f, n in navs.items()]
    fees = [
        fee("P00001", "122", "2", 0, 0, rate="0.5"),                     # ignored method
        fee("P00001", "122", "1", 0, "1000000.00", rate="0.015", minfee="2.00"),
        fee("P00001", "122", "1", "1000000.00", "5000000.00", rate="0.012"),
        fee("P00001", "122", "0", "5000000.00", 0, const="1000.00"),
        fee("P00001", "122", "3", "5000000.00", 0, const="1.00"),       # ignored method
        fee("P00001", "124", "1", 0, "999.99", rate="0.005", minfee="5.00"),
        fee("P00001", "124", "1", "1000.00", 0, rate="0.0025"),
        fee("P00001", "120", "1", 0, 0, rate="0.9"),                      # other code
        fee("P00002", "122", "1", 0, 0, rate="0.01", maxfee="50.00"),
        fee("P00002", "122", "1", 0, 0, rate="0.03"),                     # equal lower: 2nd
        fee("P00002", "124", "0", 0, 0, const="8.00"),
        fee("P00002", "136", "0", 0, 0, const="99.00"),                   # other code
        fee("P00003", "122", "0", 0, "99.99", const="0.50"),
        fee("P00003", "122", "0", 0, 0, const="20.00"),                   # equal lower: 2nd
        fee("P00003", "122", "1", "100.00", 0, rate="0.003"),
        fee("P00003", "122", "1", "100.00", 0, rate="0.009"),             # equal lower: 2nd
        fee("P00004", "122", "0", 0, 0, const="20.00"),
        fee("P00004", "124", "0", 0, 0, const="30.00", maxfee="25.00"),
    ]
    files = fm(T1, q(T1), funds, fees)
    files.update(dist_files("A01", T1, [acct("1", "600001", "A01", T1),
                                        acct("2", "600002", "A01", T1)], [
        buy("10", "600001", "A01", T1, "P00001", "100.00"),          # MinFee 2.00
        buy("11", "600002", "A01", T1, "P00001", "1000000.00"),      # upper inclusive, 2nd tier
        buy("12", "600002", "A01", T1, "P00001", "6000000.00"),      # unbounded, constant
        buy("13", "600001", "A01", T1, "P00001", "999999.99"),       # 1st tier top
        buy("14", "600001", "A01", T1, "P00002", "10000.00"),        # MaxFee 50
        buy("15", "600001", "A01", T1, "P00002", "1000.00"),         # under MaxFee
        buy("16", "600001", "A01", T1, "P00003", "50.00"),           # equal lower 0: 0.50
        buy("17", "600001", "A01", T1, "P00003", "100.00"),          # equal lower 100: 0.003
        buy("18", "600001", "A01", T1, "P00004", "15.00"),           # fee capped at X: 0402
        buy("19", "600001", "A01", T1, "P00004", "100.00"),          # constant 20
        buy("20", "600002", "A01", T1, "P00004", "20.00"),           # fee = X: 0402
    ]))
    c.day(T1, files)
    files = fm(T2, q(T2), fees=[fee("P00001", "122", "0", 0, 0, const="3.00")])
    files.update(dist_files("A01", T2, None, [
        buy("30", "600001", "A01", T2, "P00001", "100.00"),          # new 122 table: 3.00
        sell("31", "600002", "A01", T2, "P00001", "900.00"),         # gross 1080: 2nd tier
        sell("32", "600001", "A01", T2, "P00001", "10.00"),          # gross 12: MinFee 5
        sell("33", "600001", "A01", T2, "P00001", "1.00"),           # gross 1.20, fee=X: 0352
        sell("34", "600001", "A01", T2, "P00002", "2.00"),           # const 8 > gross 4: 0352
        sell("35", "600001", "A01", T2, "P00002", "100.00"),         # const 8
        sell("36", "600001", "A01", T2, "P00003", "10.00"),          # no record: fee 0
        sell("37", "600001", "A01", T2, "P00004", "10.00"),          # MaxFee 25 then X: 0352
        sell("38", "600001", "A01", T2, "P00004", "50.00"),          # const 30, MaxFee 25
    ]))
    c.day(T2, files)


def own_v2_04_init_day_failures(root):
    """Day failures of 2.1, each on its own retry of one date after a good
    day: T not later than the last cleared day; C5 records with a blank
    FundCode, a BusinessCode `12` and `1A2`, GetFeeRateMethod `4` and
    blank, a non-digit AmountUpperLimit and RateFee; C1 FundType `05` and
    `4`, blank C1 FundCode; 07 FundStatus `2`; FundIncome not digits for a
    NAV fund; a quote outside the catalogue; a catalogue fund (added by the
    failed day's C1) without a quote; a C5 file rejected (COUNT), a 07 file
    with a batch (BATCH), a C1 file rejected (LENGTH); no 07 file.  The
    final good day shows nothing of the failed days was kept (catalogue and
    fee tables)."""
    c = Case(root, "own-v2-04-init-day-failures")
    T0, T = "20271101", "20271102"
    funds = [fund("Q00001", "Mixed Q1", "03"), fund("Q00002", "Money Q2", "04")]
    q = lambda T, **kw: [quote("Q00001", T, "1.1000", **kw), quote("Q00002", T, "1.0000", "0.50000")]
    files = fm(T0, q(T0), funds, [fee("Q00001", "122", "1", rate="0.01")])
    files.update(dist_files("A01", T0, [acct("1", "1", "A01", T0)],
                            [buy("2", "1", "A01", T0, "Q00001", "1000.00"),
                             buy("3", "1", "A01", T0, "Q00002", "1000.00")]))
    c.day(T0, files)
    c.day(T0 + "b", fm(T0, q(T0)))
    good_fee = fee("Q00001", "122", "0", const="1.00")
    raw_fee = lambda **kw: dict(good_fee, **kw)
    c5 = lambda rows: ofd_file("21", "FM1", "99", T, "C5", FC5, rows)
    c5name = name("FM1", "C5", T)
    fails = [
        {c5name: c5([good_fee, raw_fee(FundCode="")])},
        {c5name: c5([raw_fee(BusinessCode="12")])},
        {c5name: c5([raw_fee(BusinessCode="1A2")])},
        {c5name: c5([raw_fee(GetFeeRateMethod="4")])},
        {c5name: c5([raw_fee(GetFeeRateMethod="")])},
        {c5name: c5([raw_fee(AmountUpperLimit=b" " * 16)])},
        {c5name: c5([raw_fee(RateFee=b"00.015000")])},
        {name("FM1", "C1", T): ofd_file("21", "FM1", "99", T, "C1", FC1,
                                        [fund("Q00003", "Bad", "05")])},
        {name("FM1", "C1", T): ofd_file("21", "FM1", "99", T, "C1", FC1,
                                        [fund("Q00003", "Bad", "4")])},
        {name("FM1", "C1", T): ofd_file("21", "FM1", "99", T, "C1", FC1,
                                        [fund("", "Blank", "01")])},
    ]
    letters = iter("bcdefghijklmnopqrstuvwxyz")
    first = True
    for extra in fails:
        folder = T if first else T + next(letters)
        first = False
        c.day(folder, merge(fm(T, q(T)), extra))
    n07 = name("FM1", "07", T)
    c.day(T + next(letters), {n07: ofd_file("21", "FM1", "99", T, "07", F07, q(T, status="2"))})
    bad_inc = q(T)
    bad_inc[0]["FundIncome"] = b"0000000x"
    c.day(T + next(letters), {n07: ofd_file("21", "FM1", "99", T, "07", F07, bad_inc)})
    c.day(T + next(letters), {n07: ofd_file("21", "FM1", "99", T, "07", F07,
                                            q(T) + [quote("Q00009", T, "1.0000")])})
    c.day(T + next(letters), merge(fm(T, q(T)), {name("FM1", "C1", T): ofd_file(
        "21", "FM1", "99", T, "C1", FC1, [fund("Q00003", "New fund", "03")])}))
    c.day(T + next(letters), merge(fm(T, q(T)), {c5name: c5([good_fee]).replace(
        b"\r\n00000001\r\n", b"\r\n00000002\r\n")}))
    c.day(T + next(letters), {name("FM1", "07", T, "001"): ofd_file("21", "FM1", "99", T, "07",
                                                                    F07, q(T))})
    c.day(T + next(letters), merge(fm(T, q(T)), {name("FM1", "C1", T): ofd_file(
        "21", "FM1", "99", T, "C1", FC1, [fund("Q00003", "New fund", "03")]).replace(
        b"03\r\nOFDCFEND", b"03 \r\nOFDCFEND")}))
    c.day(T + next(letters), dist_files("A01", T, None, [buy("5", "1", "A01", T, "Q00001", "10.00")]))
    files = fm(T, q(T))
    files.update(dist_files("A01", T, None, [buy("5", "1", "A01", T, "Q00001", "1010.00")]))
    c.day(T + next(letters), files)


def own_v2_05_status_and_ids(root):
    """Fund status 1/8/9 refusing purchases and redemptions with 0004, 0376,
    0005, after the account check (0009 wins) and before the amount check
    (junk amount still gets the status code, echoed as 0); 0200 with NAV 0
    and 0202 with the fund's NAV; 0139 and 0104 (2.2): letters accepted,
    `-`, `.`, `_`, inner space, empty and (v22) Chinese refused; 0496 over
    01 and 03 and a supplementary batch; 0392 on the same day; 0009/0518 by
    explicit TAAccountID; the TAAccountID written for a blank one."""
    c = Case(root, "own-v2-05-status-and-ids")
    T1, T2 = "20270801", "20270802"
    funds = [fund("S00000", "Open", "03"), fund("S00001", "Issuing", "01"),
             fund("S00008", "Terminated", "02"), fund("S00009", "Closed", "03")]
    q = lambda T, st: [quote(f, T, "1.0000", status=s) for f, s in zip(
        ["S00000", "S00001", "S00008", "S00009"], st)]
    files = fm(T1, q(T1, "0000"), funds)
    files.update(dist_files("A01", T1, [
        acct("Ab12", "TxA1", "A01", T1), acct("x9", "txa2lower", "A01", T1),
        acct("A-1", "600003", "A01", T1), acct("", "600004", "A01", T1),
        acct("A 2", "600005", "A01", T1), acct("A3", "6000.6", "A01", T1),
        acct("A4", "", "A01", T1), acct("A5", "TxA1", "A01", T1),
        acct("Ab12", "600007", "A01", T1), acct("A6", "_600008", "A01", T1),
        acct("A7", "6 9", "A01", T1)], [
        buy("Ab12", "TxA1", "A01", T1, "S00000", "1.00"),
        buy("B1", "TxA1", "A01", T1, "S00000", "1000.00"),
        buy("B2", "TxA1", "A01", T1, "S00001", "1000.00"),
        buy("B3", "TxA1", "A01", T1, "S00008", "1000.00"),
        buy("B4", "TxA1", "A01", T1, "S00009", "1000.00"),
        buy("B5", "txa2lower", "A01", T1, "S00000", "500.00", ta="000000000002"),
        buy("B6", "txa2lower", "A01", T1, "S00000", "500.00", ta="000000000099"),
        buy("B7", "txa2lower", "A01", T1, "S00000", "500.00", ta="000000000001"),
        buy("b8", "txa2lower", "A01", T1, "S00000", "1.00")],
        batches={"001": [buy("B1", "TxA1", "A01", T1, "S00000", "3.00"),
                         buy("C1", "TxA1", "A01", T1, "S00000", "4.00")]}))
    c.day(T1, files)
    files = fm(T2, q(T2, "0189"))
    files.update(dist_files("A01", T2, None, [
        buy("D1", "TxA1", "A01", T2, "S00001", "10.00"),
        sell("D2", "TxA1", "A01", T2, "S00001", "10.00"),
        buy("D3", "TxA1", "A01", T2, "S00008", "10.00"),
        sell("D4", "TxA1", "A01", T2, "S00008", "10.00"),
        buy("D5", "TxA1", "A01", T2, "S00009", "10.00"),
        sell("D6", "TxA1", "A01", T2, "S00009", "10.00"),
        dict(sell("D7", "TxA1", "A01", T2, "S00009", 0), ApplicationVol=b"12a4567890123456"),
        dict(buy("D8", "TxA1", "A01", T2, "S00008", 0), ApplicationAmount=b"             100"),
        buy("D9", "TxA1", "A01", T2, "S00008", "10.00", ta="000000000099"),
        buy("E1", "TxA1", "A01", T2, "ZZZ999", "10.00"),
        buy("E2", "TxA1", "A01", T2, "S00000", "10.00", time="250000"),
        sell("E3", "TxA1", "A01", T2, "S00000", "100.00")]))
    files[name("V22", "01", T2)] = ofd_file("22", "V22", "99", T2, "01", F01, [
        acct("Z1", "账户1", "V22", T2), acct("Z2", "ZH9", "V22", T2)])
    files[name("V22", "03", T2)] = ofd_file("22", "V22", "99", T2, "03", F03S, [
        buy("申请1", "ZH9", "V22", T2, "S00000", "10.00", spec="中文申请单号"),
        buy("Z3", "ZH9", "V22", T2, "S00000", "10.00", spec="正常")])
    files[iname("V22", T2)] = index_file("22", "V22", "99", T2,
                                         [name("V22", "01", T2), name("V22", "03", T2)])
    c.day(T2, files)


def own_v2_06_income_145_serials(root):
    """Negative income (2.4): 145 records in the batch-000 04 file of a
    distributor with its own 03 file (after its applications) and of one
    without any 03 file (B02), a position whose negative income rounds to
    0 getting an 06 record instead, the redemption reserve (0001 at one cent
    over); TASerialNO over batch 000 then 001, distributors in code order,
    145 records numbered in between; a distributor with only an 01 file
    takes no serial; then a day of positive income."""
    c = Case(root, "own-v2-06-income-145-serials")
    T1, T2, T3 = "20270901", "20270902", "20270903"
    funds = [fund("M00001", "Money M1", "04"), fund("N00001", "Mixed N1", "03")]
    q = lambda T, inc, flag: [quote("M00001", T, "1.0000", inc, flag), quote("N00001", T, "1.0000")]
    files = fm(T1, q(T1, "0.50000", "0"), funds)
    files.update(dist_files("A01", T1, [acct("1", "a1", "A01", T1), acct("2", "a2", "A01", T1)],
                            [buy("3", "a1", "A01", T1, "M00001", "10000.00"),
                             buy("4", "a2", "A01", T1, "M00001", "3333.33")]))
    files.update(dist_files("B02", T1, [acct("1", "b1", "B02", T1), acct("2", "b2", "B02", T1)],
                            [buy("3", "b1", "B02", T1, "M00001", "5000.00"),
                             buy("4", "b2", "B02", T1, "M00001", "0.01")]))
    files.update(dist_files("C03", T1, [acct("1", "c1", "C03", T1)],
                            [buy("2", "c1", "C03", T1, "M00001", "777.77")]))
    c.day(T1, files)
    files = fm(T2, q(T2, "1.23456", "1"))
    files.update(dist_files("A01", T2, None, [
        buy("20", "a1", "A01", T2, "N00001", "100.00"),
        sell("21", "a1", "A01", T2, "M00001", "9998.77"),     # reserve 1.24: one cent too many
        sell("22", "a2", "A01", T2, "M00001", "3332.91")],    # reserve 0.42: exactly available
        batches={"001": [buy("23", "a2", "A01", T2, "N00001", "50.00")]}))
    files.update(dist_files("C03", T2, None, [buy("10", "c1", "C03", T2, "N00001", "20.00")],
                            batches={"001": [sell("11", "c1", "C03", T2, "M00001", "777.67")],
                                     "002": [buy("12", "c1", "C03", T2, "N00001", "1.00")]}))
    files.update(dist_files("D04", T2, [acct("1", "d1", "D04", T2)]))
    c.day(T2, files)
    c.day(T3, fm(T3, q(T3, "0.61234", "0")))


def own_v2_07_index(root):
    """Index rejections not in golden-v2 (1.7): header line 4 and line 5
    disagreeing with the name, a truncated index (2 lines), a listed inbox
    file whose name does not parse; a distributor with an accepted and a
    rejected index (a file listed by the accepted one passes, another is
    refused with INDEX); a v22 index (8-digit count, padded codes, LF,
    .txt) listing a 03_001 but not the 03; a listed name in other case; an
    index listing a file addressed to another TA (accepted; the file fails
    HEADER); a file with a COUNT error and no index (COUNT, not INDEX);
    an index count of 1 digit; the TA's own OFI per distributor."""
    c = Case(root, "own-v2-07-index")
    T = "20270501"
    files = fm(T, [quote("100001", T, "1.0000")], [fund("100001", "Mixed", "03")])
    a01 = lambda d, sn="1", txn="1": ofd_file("21", d, "99", T, "01", F01, [acct(sn, txn, d, T)])
    b03 = lambda d, sn="2", txn="1": ofd_file("21", d, "99", T, "03", F03,
                                              [buy(sn, txn, d, T, "100001", "10.00")])
    # J01: line 4 disagrees; J02: line 5 disagrees; J03: 2 lines only
    files[name("J01", "01", T)] = a01("J01")
    files[iname("J01", T)] = index_file("21", "J01", "98", T, [name("J01", "01", T)])
    files[name("J02", "01", T)] = a01("J02")
    files[iname("J02", T)] = index_file("21", "J02", "99", "20270502", [name("J02", "01", T)])
    files[name("J03", "01", T)] = a01("J03")
    files[iname("J03", T)] = b"OFDCFIDX\r\n21  \r\n"
    # J04: v22 index, LF, .txt, lists 01 and 03_001 but not 03
    files[name("J04", "01", T)] = a01("J04")
    files[name("J04", "03", T)] = b03("J04")
    files[name("J04", "03", T, "001")] = b03("J04", "3")
    files[iname("J04", T, ext="txt")] = index_file(
        "22", "J04", "99", T, [name("J04", "01", T), name("J04", "03", T, "001")], eol=b"\n")
    # J05: lists an inbox file whose name does not parse
    files[name("J05", "01", T)] = a01("J05")
    files[name("J05", "01", T, "000")] = a01("J05")
    files[iname("J05", T)] = index_file("21", "J05", "99", T,
                                        [name("J05", "01", T), name("J05", "01", T, "000")])
    # J06: an accepted index (01) and a rejected one (receiver 98, 01 and 03)
    files[name("J06", "01", T)] = a01("J06")
    files[name("J06", "03", T)] = b03("J06")
    files[iname("J06", T)] = index_file("21", "J06", "99", T, [name("J06", "01", T)])
    files[iname("J06", T, receiver="98")] = index_file(
        "21", "J06", "98", T, [name("J06", "01", T), name("J06", "03", T)])
    # J07: a listed name in other case
    files[name("J07", "01", T)] = a01("J07")
    files[name("J07", "03", T)] = b03("J07")
    files[iname("J07", T)] = index_file("21", "J07", "99", T, [
        name("J07", "01", T), name("J07", "03", T).lower()])
    # J08: file addressed to TA 98 listed (index fine, file HEADER)
    files[name("J08", "01", T, receiver="98")] = ofd_file("21", "J08", "98", T, "01", F01,
                                                          [acct("1", "1", "J08", T)])
    files[name("J08", "03", T)] = b03("J08")
    files[iname("J08", T)] = index_file("21", "J08", "99", T, [
        name("J08", "01", T, receiver="98"), name("J08", "03", T)])
    # J09: no index; a COUNT error beats INDEX; the other file is not listed
    files[name("J09", "01", T)] = a01("J09").replace(b"\r\n00000001\r\n", b"\r\n00000003\r\n")
    files[name("J09", "03", T)] = b03("J09")
    # J10: index count written as one digit
    files[name("J10", "01", T)] = a01("J10")
    files[iname("J10", T)] = index_file("21", "J10", "99", T, [name("J10", "01", T)]).replace(
        b"\r\n001\r\n", b"\r\n1\r\n")
    c.day(T, files)


def own_v2_08_migration(root):
    """Migration (2.9) with TA code 88: failures, each keeping nothing — a
    03 file among 05 files (HEADER), a 05 file with a bad GBK byte
    (ENCODING), a blank TAAccountID, a non-digit TotalVol, a TAAccountID
    with two (Distributor, TxnAccount), a (Distributor, TxnAccount) with two
    TAAccountIDs, a position twice; then a successful migration (v21 with
    DetailFlag=1 detail lines that would fail if used, v22, a batch in the
    name, receiver and DistributorCode unlike the TA or each other, IDs
    with letters and short ones) followed by days that trade on migrated
    accounts (redeem by an ID with letters, purchase by (Distributor,
    TxnAccount), a new account numbered after the largest 12-digit ID,
    income on migrated balances), and a migration after a cleared day."""
    c = Case(root, "own-v2-08-migration", ta="88")
    rows = lambda D: [
        dict(DistributorCode="M01", TransactionAccountID="m1", TAAccountID="000000000120",
             FundCode="MF0001", TotalVolOfDistributorInTA="1000.00"),
        dict(DistributorCode="M01", TransactionAccountID="m1", TAAccountID="000000000120",
             FundCode="NF0001", TotalVolOfDistributorInTA="500.00"),
        dict(DistributorCode="M01", TransactionAccountID="m2", TAAccountID="ABC000000999",
             FundCode="NF0001", TotalVolOfDistributorInTA="250.50")]
    f05 = lambda D, rs, ver="21", fields=F05, recv="M01", batch=None: {
        name("P1", "05", D, batch, receiver=recv): ofd_file(ver, "P1", recv, D, "05", fields, rs)}
    D = "20270520"
    c.day(D + "-migrate", merge(f05(D, rows(D)), {name("P1", "03", D, receiver="M01"): ofd_file(
        "21", "P1", "M01", D, "03", F03, [])}))
    D = "20270521"
    c.day(D + "-migrate", {name("P1", "05", D, receiver="M01"):
                           ofd_file("21", "P1", "M01", D, "05", F05, rows(D)).replace(b"m2", b"m\x80")})
    D = "20270522"
    r = rows(D); r[2]["TAAccountID"] = ""
    c.day(D + "-migrate", f05(D, r))
    D = "20270523"
    r = rows(D); r[1]["TotalVolOfDistributorInTA"] = b"000000000000050 "
    c.day(D + "-migrate", f05(D, r))
    D = "20270524"
    other = [dict(DistributorCode="M02", TransactionAccountID="m1", TAAccountID="000000000120",
                  FundCode="MF0001", TotalVolOfDistributorInTA="1.00")]
    c.day(D + "-migrate", merge(f05(D, rows(D)), f05(D, other, recv="M02")))
    D = "20270525"
    r = rows(D); r[1]["TAAccountID"] = "000000000121"
    c.day(D + "-migrate", f05(D, r))
    D = "20270526"
    c.day(D + "-migrate", f05(D, rows(D) + [rows(D)[0]]))
    D = "20270527"
    fields = F05 + ["DetailFlag"]
    r = [dict(x, DetailFlag="0") for x in rows(D)]
    r.insert(1, dict(DistributorCode="", TransactionAccountID="m1", TAAccountID="000000000120",
                     FundCode="MF0001", TotalVolOfDistributorInTA=b"detail line     ",
                     DetailFlag="1"))
    r.insert(2, dict(r[0], DetailFlag="1"))        # would be a position twice if used
    v22 = [dict(DistributorCode="M02", TransactionAccountID="k1", TAAccountID="77",
                FundCode="MF0001", TotalVolOfDistributorInTA="300.00"),
           dict(DistributorCode="M09", TransactionAccountID="k2", TAAccountID="000000000042",
                FundCode="MF0001", TotalVolOfDistributorInTA="0")]
    c.day(D + "-migrate", merge(f05(D, r, fields=fields),
                                f05(D, v22, ver="22", recv="M02", batch="001")))
    T = "20270528"
    funds = [fund("MF0001", "Money", "04"), fund("NF0001", "NAV fund", "03")]
    q = lambda T, inc="0.45678": [quote("MF0001", T, "1.0000", inc), quote("NF0001", T, "1.1000")]

    def fm88(T, funds=None):
        files = {name("FM1", "07", T, receiver="88"): ofd_file("21", "FM1", "88", T, "07", F07, q(T))}
        if funds:
            files[name("FM1", "C1", T, receiver="88")] = ofd_file("21", "FM1", "88", T, "C1", FC1, funds)
        return files

    def d88(dist, T, f01, f03):
        files, listed = {}, []
        if f01:
            n = name(dist, "01", T, receiver="88")
            files[n] = ofd_file("21", dist, "88", T, "01", F01, f01)
            listed.append(n)
        if f03:
            n = name(dist, "03", T, receiver="88")
            files[n] = ofd_file("21", dist, "88", T, "03", F03, f03)
            listed.append(n)
        files[iname(dist, T, receiver="88")] = index_file("21", dist, "88", T, listed)
        return files

    c.day(T, merge(fm88(T, funds),
                   d88("M01", T, [acct("1", "m3", "M01", T), acct("2", "m1", "M01", T)], [
                       sell("3", "m2", "M01", T, "NF0001", "250.50", ta="ABC000000999"),
                       sell("4", "m1", "M01", T, "MF0001", "100.00"),
                       buy("5", "m3", "M01", T, "NF0001", "110.00")]),
                   d88("M02", T, None, [buy("1", "k1", "M02", T, "NF0001", "11.00", ta="77")])))
    c.day("20270529-migrate", f05("20270529", rows("20270529")))
    T = "20270530"
    c.day(T, merge(fm88(T), d88("M09", T, [acct("1", "k3", "M09", T)],
                                [buy("2", "k2", "M09", T, "MF0001", "10.00")])))


CASES = [own_v2_01_file_rejections, own_v2_02_v22_wide_fields, own_v2_03_c5_fees,
         own_v2_04_init_day_failures, own_v2_05_status_and_ids,
         own_v2_06_income_145_serials, own_v2_07_index, own_v2_08_migration]
