#!/usr/bin/env python3
"""Print the records of OFD files field by field (non-blank, non-zero
fields only), decoding GBK.  For reviewing cases:

    python3 tools/model/show.py FILE [FILE ...]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ofd  # noqa: E402


def show(path):
    data = open(path, "rb").read()
    print("==", os.path.basename(path))
    if path.endswith(".ERR") or os.path.basename(path) == "DAY-FAILED":
        print("  " + data.decode("gbk", "replace").strip())
        return
    lines = ofd.split_lines(data)
    if not lines or ofd.trim(lines[0]) != b"OFDCFDAT" or len(lines) < 10:
        for l in lines:
            print("  " + l.decode("gbk", "replace"))
        return
    dic = ofd.DICTS.get(ofd.trim(lines[1]), ofd.DICT21)
    n = int(ofd.trim(lines[9]))
    fds = [dic[ofd.trim(l).decode().lower()] for l in lines[10:10 + n]]
    for i, rec in enumerate(lines[11 + n:-1], 1):
        off, parts = 0, []
        for fd in fds:
            v = rec[off:off + fd.width]
            off += fd.width
            if fd.type == "N":
                if v.strip(b"0"):
                    s = v.decode("latin-1")
                    parts.append("%s=%s" % (fd.name, s if not s.isdigit() or not fd.dec else
                                            "%s.%s" % (int(s[:-fd.dec] or "0"), s[-fd.dec:])))
            elif v.strip():
                parts.append("%s=%r" % (fd.name, v.rstrip(b" ").decode("gbk", "replace")))
        print("  %d: %s" % (i, ", ".join(parts)))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        show(p)
