#!/usr/bin/env python3
"""Run the model over every case of a golden folder and compare.

    python3 tools/model/check_golden.py [GOLDEN_DIR] [-v]

GOLDEN_DIR defaults to ../shared/golden-v2 relative to the repository root.
Also accepts a cases folder of our own (cases-v2).  Outputs are written to a
temporary folder and compared byte for byte with each day's out/; `.ERR`
files compare by their first two words; out/DAY-FAILED means the day must
fail (and, when its first line is a rule id of the model, the same rule).
Last line: `N passed, M failed` (one count per case); exit 1 on failure.
"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from openta_model import run_case, write_files  # noqa: E402
import ofd  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def record_diff(exp, got):
    """A short explanation of the first differing line (field names when
    the file is an OFD data file of a known layout)."""
    el, gl = ofd.split_lines(exp), ofd.split_lines(got)
    if len(el) != len(gl):
        return "line count %d, expected %d" % (len(gl), len(el))
    ftype = ofd.trim(el[6]).decode() if len(el) > 6 else None
    for n, (a, b) in enumerate(zip(el, gl), 1):
        if a != b:
            msg = "line %d differs" % n
            layout = ofd.LAYOUTS.get(ftype)
            if layout and len(a) == len(b) == sum(f.width for f in layout):
                off, bad = 0, []
                for fd in layout:
                    x, y = a[off:off + fd.width], b[off:off + fd.width]
                    if x != y:
                        bad.append("%s: got %r expected %r" % (fd.name, y, x))
                    off += fd.width
                msg += ": " + "; ".join(bad)
            else:
                msg += ": got %r expected %r" % (b[:200], a[:200])
            return msg
    return "terminators differ"


def compare_day(exp_dir, files, err, verbose):
    problems = []
    exp_files = sorted(os.listdir(exp_dir)) if os.path.isdir(exp_dir) else []
    exp_files = [f for f in exp_files if f != ".gitkeep"]
    if "DAY-FAILED" in exp_files:
        if err is None:
            return ["day should fail but cleared"]
        first = open(os.path.join(exp_dir, "DAY-FAILED"), encoding="utf-8").readline().strip()
        if first and not first.startswith("day failed") and first != err.rule:
            problems.append("day failed by %r, expected %r" % (err.rule, first))
        return problems
    if err is not None:
        return ["day failed: %s (%s)" % (err.rule, err.message)]
    for f in sorted(set(exp_files) | set(files)):
        if f not in files:
            problems.append("missing %s" % f)
        elif f not in exp_files:
            problems.append("unexpected %s" % f)
        else:
            exp = open(os.path.join(exp_dir, f), "rb").read()
            got = files[f]
            if f.endswith(".ERR"):
                if exp.split()[:2] != got.split()[:2]:
                    problems.append("%s: got %r expected %r" % (f, got.strip(), exp.strip()))
            elif exp != got:
                problems.append("%s: %s" % (f, record_diff(exp, got)))
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("golden", nargs="?", default=os.path.join(REPO, "..", "shared", "golden-v2"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in sorted(os.listdir(a.golden)):
            cdir = os.path.join(a.golden, case)
            if not os.path.isdir(cdir):
                continue
            problems = []
            for d, files, err in run_case(cdir):
                if files:
                    write_files(os.path.join(tmp, case, d), files)
                for p in compare_day(os.path.join(cdir, d, "out"), files or {}, err, a.verbose):
                    problems.append("%s/%s: %s" % (case, d, p))
            if problems:
                failed += 1
                print("FAIL %s" % case)
                for p in problems:
                    print("  " + p)
            else:
                passed += 1
                print("ok   %s" % case)
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
