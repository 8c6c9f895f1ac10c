"""OFD exchange-file layer of the OpenTA v2 reference model.

Everything here works on bytes: widths and lengths are counted in bytes of
GBK text (spec v2 1.1).  Section numbers in comments refer to
openta-exchange-and-clearing-v2.md ("v2 1.5") or -v1.md ("v1 2.2").
"""
import os
import re
from dataclasses import dataclass, field

# --------------------------------------------------------------------------
# Contract data (spec v2 "Data that belongs to the contract")
# --------------------------------------------------------------------------


def _find_spec_dir():
    """The v2/ folder of the spec: $OPENTA_SPEC_V2, else ../shared/spec/v2
    relative to the repository root, else the copy in shared-model."""
    env = os.environ.get("OPENTA_SPEC_V2")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    for cand in (os.path.join(repo, "..", "shared", "spec", "v2"),
                 os.path.join(repo, "shared-model", "src", "main", "resources",
                              "io", "openta", "model", "ofd", "v2")):
        if os.path.isfile(os.path.join(cand, "fields-21.tsv")):
            return os.path.normpath(cand)
    raise SystemExit("spec v2 data folder not found; set OPENTA_SPEC_V2")


SPEC_DIR = _find_spec_dir()


@dataclass(frozen=True)
class Field:
    name: str      # spelling of the dictionary
    type: str      # 'A', 'C' or 'N'
    width: int     # bytes
    dec: int       # implied decimals of N


def _read_tsv(name):
    with open(os.path.join(SPEC_DIR, name), encoding="utf-8") as f:
        rows = [line.rstrip("\r\n").split("\t") for line in f]
    return rows[1:]  # skip the heading row


def _load_dict(name):
    # field names are compared without regard to case (v2 1.2)
    return {r[0].lower(): Field(r[0], r[1], int(r[2]), int(r[3] or 0))
            for r in _read_tsv(name)}


DICT21 = _load_dict("fields-21.tsv")
DICT22 = _load_dict("fields-22.tsv")
DICTS = {b"20": DICT21, b"21": DICT21, b"22": DICT22}   # v2 1.3

LAYOUTS = {}                                            # v2 1.6
for _t, _pos, _name in _read_tsv("layouts-21.tsv"):
    LAYOUTS.setdefault(_t, []).append(DICT21[_name.lower()])

RETURN_TEXT = {c: t.encode("gbk") for c, t in _read_tsv("return-codes.tsv")}

# Fields each input type needs (v2 1.4); 05 is read by migration only (v2 2.9)
NEEDED = {
    "01": ["AppSheetSerialNo", "TransactionDate", "TransactionTime",
           "TransactionAccountID", "DistributorCode", "BusinessCode",
           "IndividualOrInstitution"],
    "03": ["AppSheetSerialNo", "TransactionDate", "TransactionTime",
           "TransactionAccountID", "DistributorCode", "TAAccountID",
           "BusinessCode", "FundCode", "ApplicationAmount", "ApplicationVol"],
    "07": ["FundCode", "UpdateDate", "NAV", "FundIncome", "FundIncomeFlag",
           "Yield", "YieldFlag", "FundStatus"],
    "C1": ["FundCode", "FundName", "FundType"],
    "C5": ["FundCode", "BusinessCode", "GetFeeRateMethod", "AmountLowerLimit",
           "AmountUpperLimit", "RateFee", "ConstantFee", "MinFee", "MaxFee"],
    "05": ["DistributorCode", "TransactionAccountID", "TAAccountID",
           "FundCode", "TotalVolOfDistributorInTA"],
}
INPUT_TYPES = ("01", "03", "07", "C1", "C5")            # v2 1.5 HEADER

# --------------------------------------------------------------------------
# GBK bytes (v2 1.1)
# --------------------------------------------------------------------------


def gbk_char_starts(data):
    """Offsets where characters start, plus len(data); None if not valid GBK.
    Valid: 0x00-0x7F alone; 0x81-0xFE followed by 0x40-0x7E or 0x80-0xFE."""
    starts, i, n = [], 0, len(data)
    while i < n:
        starts.append(i)
        b = data[i]
        if b <= 0x7F:
            i += 1
        elif 0x81 <= b <= 0xFE and i + 1 < n and (
                0x40 <= data[i + 1] <= 0x7E or 0x80 <= data[i + 1] <= 0xFE):
            i += 2
        else:
            return None
    starts.append(n)
    return starts


def has_control(data):
    """A single-byte character below 0x20 other than CR and LF (v2 1.5.1).
    Trail bytes are >= 0x40, so a plain byte scan is exact."""
    return any(b < 0x20 and b not in (0x0D, 0x0A) for b in data)


def cut_gbk(text, width):
    """Cut text to at most width bytes without splitting a two-byte
    character (v2 1.6).  text is assumed valid GBK (else cut bytewise)."""
    if len(text) <= width:
        return text
    starts = gbk_char_starts(text)
    if starts is None:
        return text[:width]
    end = max(s for s in starts if s <= width)
    return text[:end]


def split_lines(data):
    """Lines of a file: LF or CRLF; a final terminator starts no line (1.1)."""
    if not data:
        return []
    if data.endswith(b"\n"):
        data = data[:-1]
    return [l[:-1] if l.endswith(b"\r") else l for l in data.split(b"\n")]


def trim(b):
    """Readers trim trailing spaces of every line except records (1.2);
    a field's text is its bytes without trailing spaces (1.3)."""
    return b.rstrip(b" ")


def is_digits(b):
    return len(b) > 0 and all(0x30 <= c <= 0x39 for c in b)


def is_alnum(b):
    """ASCII letters and digits only, non-empty (v2 2.2: 0139, 0104)."""
    return len(b) > 0 and all(0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A
                              or 0x61 <= c <= 0x7A for c in b)

# --------------------------------------------------------------------------
# File names (v2 1.1)
# --------------------------------------------------------------------------

# Prefixes OFD_/OFI_ are case-sensitive; only the extension is matched
# without regard to case (README decision D1).
_CODE = r"[0-9A-Z]{1,9}"
DATA_NAME = re.compile(r"^OFD_(%s)_(%s)_([0-9]{8})_([0-9A-Z]{2})(?:_([0-9]{3}))?\.[Tt][Xx][Tt]$"
                       % (_CODE, _CODE))
INDEX_NAME = re.compile(r"^OFI_(%s)_(%s)_([0-9]{8})\.[Tt][Xx][Tt]$" % (_CODE, _CODE))


@dataclass
class DataName:
    sender: str
    receiver: str
    date: str
    type: str
    batch: str  # '000' for a main file (no suffix), else '001'-'999'


def parse_data_name(name):
    m = DATA_NAME.match(name)
    if not m or m.group(5) == "000":    # "_000.TXT does not parse"
        return None
    return DataName(m.group(1), m.group(2), m.group(3), m.group(4),
                    m.group(5) or "000")


def parse_index_name(name):
    m = INDEX_NAME.match(name)
    return (m.group(1), m.group(2), m.group(3)) if m else None

# --------------------------------------------------------------------------
# Data files: whole-file checks of v2 1.5
# --------------------------------------------------------------------------


class Rejected(Exception):
    def __init__(self, reason, detail):
        super().__init__(reason, detail)
        self.reason, self.detail = reason, detail


@dataclass
class DataFile:
    name: str
    dn: DataName
    version: bytes
    fields: dict            # lower name -> (offset, Field) as declared
    records: list           # raw record bytes
    line7: bytes = b""

    def raw(self, rec, fname):
        """Raw bytes of a field of a record, None when not declared."""
        f = self.fields.get(fname.lower())
        if f is None:
            return None
        off, fd = f
        return rec[off:off + fd.width]

    def text(self, rec, fname):
        r = self.raw(rec, fname)
        return b"" if r is None else trim(r)

    def field(self, fname):
        f = self.fields.get(fname.lower())
        return f[1] if f else None


def check_data_file(name, data, ta, day, migrate=False):
    """Run checks 1-8 of v2 1.5 (INDEX, check 9, is done by the day).
    Returns DataFile or raises Rejected.  With migrate=True the 2.9
    variant: any receiver, type must be 05, a batch is allowed."""
    # 1. ENCODING
    if gbk_char_starts(data) is None:
        raise Rejected("ENCODING", "not valid GBK")
    if has_control(data):
        raise Rejected("ENCODING", "control character")
    lines = split_lines(data)
    # 2. NAME
    dn = parse_data_name(name)
    if dn is None:
        raise Rejected("NAME", "name does not parse")
    for idx, part, what in ((2, dn.sender, "sender"), (3, dn.receiver, "receiver"),
                            (4, dn.date, "date"), (6, dn.type, "type")):
        if idx < len(lines) and trim(lines[idx]) != part.encode():
            raise Rejected("NAME", "header line %d (%s) disagrees with the name"
                           % (idx + 1, what))
    # 3. HEADER
    if len(lines) < 10:
        raise Rejected("HEADER", "fewer than 10 header lines")
    hdr = [trim(l) for l in lines[:10]]
    if hdr[0] != b"OFDCFDAT":
        raise Rejected("HEADER", "marker is not OFDCFDAT")
    if hdr[1] not in DICTS:
        raise Rejected("HEADER", "version is not 20, 21 or 22")
    if not migrate and hdr[3] != ta.encode():
        raise Rejected("HEADER", "receiver is not the TA")
    if hdr[4] != day.encode():
        raise Rejected("HEADER", "date is not the day")
    if migrate:
        if hdr[6] != b"05":
            raise Rejected("HEADER", "type is not 05")
    elif hdr[6].decode("latin-1") not in INPUT_TYPES:
        raise Rejected("HEADER", "type is not an input type")
    if not is_digits(hdr[9]):
        raise Rejected("HEADER", "field count is not digits")
    # 4. BATCH
    if not migrate and dn.type in ("01", "07", "C1", "C5") and dn.batch != "000":
        raise Rejected("BATCH", "a %s file has no batch" % dn.type)
    # 5. FIELDS
    nfields = int(hdr[9])
    if len(lines) < 10 + nfields:
        raise Rejected("FIELDS", "the file ends inside the field list")
    dic = DICTS[hdr[1]]
    fields, off = {}, 0
    for l in lines[10:10 + nfields]:
        key = trim(l).decode("latin-1").lower()
        if key not in dic:
            raise Rejected("FIELDS", "field %s is not in the dictionary"
                           % trim(l).decode("latin-1"))
        if key in fields:
            raise Rejected("FIELDS", "field %s declared twice" % dic[key].name)
        fields[key] = (off, dic[key])
        off += dic[key].width
    for need in NEEDED[dn.type]:
        if need.lower() not in fields:
            raise Rejected("FIELDS", "field %s missing" % need)
    # 6. TRAILER
    if trim(lines[-1]) != b"OFDCFEND":
        raise Rejected("TRAILER", "last line is not OFDCFEND")
    # 7. COUNT
    cline = 10 + nfields
    if cline >= len(lines) - 1:
        raise Rejected("COUNT", "no record count line")
    if not is_digits(trim(lines[cline])):
        raise Rejected("COUNT", "record count is not digits")
    records = lines[cline + 1:-1]
    if int(trim(lines[cline])) != len(records):
        raise Rejected("COUNT", "record count")
    # 8. LENGTH
    bounds = sorted({o for o, _ in fields.values()})
    for i, rec in enumerate(records, 1):
        if len(rec) != off:
            raise Rejected("LENGTH", "record %d is %d bytes, not %d" % (i, len(rec), off))
        starts = set(gbk_char_starts(rec))
        if any(b not in starts for b in bounds):
            raise Rejected("LENGTH", "record %d: a field boundary splits a character" % i)
    return DataFile(name, dn, hdr[1], fields, records, hdr[6])


def rejected_type(name, data):
    """The type a rejected file claims, by its name or its line 7 (v2 1.5
    last sentence): used to fail the day for 07, C1, C5."""
    types = set()
    dn = parse_data_name(name)
    if dn:
        types.add(dn.type)
    lines = split_lines(data)
    if len(lines) >= 7:
        types.add(trim(lines[6]).decode("latin-1"))
    return types

# --------------------------------------------------------------------------
# Index files (v2 1.7)
# --------------------------------------------------------------------------


def check_index(name, data, ta, day, inbox):
    """Returns (sender or None, accepted listed inbox names or None, detail).
    sender is None when the name does not parse (then the index names no
    distributor).  inbox: list of inbox file names."""
    parsed = parse_index_name(name)
    if gbk_char_starts(data) is None:
        return (parsed[0] if parsed else None), None, "not valid GBK"
    if parsed is None:
        return None, None, "name does not parse"
    sender, receiver, date = parsed
    lines = [trim(l) for l in split_lines(data)]
    for idx, part in ((2, sender), (3, receiver), (4, date)):
        if idx < len(lines) and lines[idx] != part.encode():
            return sender, None, "header line %d disagrees with the name" % (idx + 1)
    if len(lines) < 1 or lines[0] != b"OFDCFIDX":
        return sender, None, "marker"
    if len(lines) < 2 or lines[1] not in DICTS:
        return sender, None, "version"
    if len(lines) < 4 or lines[3] != ta.encode():
        return sender, None, "receiver is not the TA"
    if len(lines) < 5 or lines[4] != day.encode():
        return sender, None, "date"
    if len(lines) < 6 or not is_digits(lines[5]):
        return sender, None, "file count"
    if len(lines) < 7 or lines[-1] != b"OFDCFEND":
        return sender, None, "last line is not OFDCFEND"
    listed = lines[6:-1]
    if int(lines[5]) != len(listed):
        return sender, None, "file count"
    by_lower = {}
    for n in sorted(inbox):                 # first in name order on a clash
        by_lower.setdefault(os.fsencode(n).lower(), n)
    seen, accepted = set(), []
    for l in listed:
        key = l.lower()
        if key not in by_lower:
            return sender, None, "a listed file is not in the inbox"
        if key in seen:
            return sender, None, "a file is listed twice"
        seen.add(key)
        actual = by_lower[key]
        dn = parse_data_name(actual)
        if dn is None or dn.sender != sender or dn.type not in ("01", "03"):
            return sender, None, "a listed file is not a 01 or 03 file of %s" % sender
        accepted.append(actual)
    return sender, accepted, None

# --------------------------------------------------------------------------
# Writing (v2 1.2 version 21, 1.6)
# --------------------------------------------------------------------------

CRLF = b"\r\n"


def fmt_field(fd, value):
    """value: bytes for A/C (cut and padded), int for N (already scaled to
    fd.dec implied decimals)."""
    if fd.type == "N":
        v = 0 if value is None else value
        s = str(v).encode()
        if v < 0 or len(s) > fd.width:
            raise ValueError("%s does not fit %s" % (v, fd))
        return s.rjust(fd.width, b"0")
    v = b"" if value is None else value
    return cut_gbk(v, fd.width).ljust(fd.width, b" ")


def write_data_file(ftype, sender, receiver, day, records):
    """records: list of dicts field name -> value.  Standard layout of
    layouts-21.tsv; fields not given are blank or zero (1.6)."""
    layout = LAYOUTS[ftype]
    out = [b"OFDCFDAT", b"21  ", sender.encode().ljust(9), receiver.encode().ljust(9),
           day.encode(), b"999", ftype.encode(), b" " * 8, b" " * 8,
           b"%03d" % len(layout)]
    out += [fd.name.encode() for fd in layout]
    out.append(b"%08d" % len(records))
    for r in records:
        out.append(b"".join(fmt_field(fd, r.get(fd.name)) for fd in layout))
    out.append(b"OFDCFEND")
    return CRLF.join(out) + CRLF


def write_index(sender, receiver, day, names):
    out = [b"OFDCFIDX", b"21  ", sender.encode().ljust(9), receiver.encode().ljust(9),
           day.encode(), b"%03d" % len(names)] + [n.encode() for n in names] + [b"OFDCFEND"]
    return CRLF.join(out) + CRLF


def data_name(sender, receiver, day, ftype, batch="000"):
    base = "OFD_%s_%s_%s_%s" % (sender, receiver, day, ftype)
    return base + (".TXT" if batch == "000" else "_%s.TXT" % batch)
