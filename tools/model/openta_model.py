#!/usr/bin/env python3
"""OpenTA v2 reference model: clear the days of a case folder.

    python3 openta_model.py CASE_DIR OUT_DIR [--ta CODE]

A case folder holds day folders `<YYYYMMDD>[letter]` and `<YYYYMMDD>-migrate`,
each with in/.  They are run in name order on a fresh in-memory state; each
day's outbox is written to OUT_DIR/<day folder>/.  A failed day writes
nothing (its folder holds no files) and prints `DAY-FAILED <day>: <rule>` with
the message to stdout; the next day goes on from the state before it.
The TA code is --ta, else the case's `ta` file, else 99.

Modules: ofd.py (files, v2 1.1-1.7), clearing.py (the day, v2 2.1-2.7),
migration.py (v2 2.9).
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from clearing import State, DayFailed, clear_day  # noqa: E402
from migration import migrate  # noqa: E402

DAY_DIR = re.compile(r"^(\d{8})([a-z]?|-migrate)$")


def case_ta(case_dir, ta=None):
    if ta:
        return ta
    p = os.path.join(case_dir, "ta")
    if os.path.isfile(p):
        return open(p, encoding="ascii").read().strip()
    return "99"


def day_folders(case_dir):
    return [d for d in sorted(os.listdir(case_dir))
            if DAY_DIR.match(d) and os.path.isdir(os.path.join(case_dir, d, "in"))]


def run_case(case_dir, ta=None):
    """Yields (day folder, files dict or None, DayFailed or None)."""
    ta = case_ta(case_dir, ta)
    state = State()
    for d in day_folders(case_dir):
        date, suffix = DAY_DIR.match(d).groups()
        inbox = os.path.join(case_dir, d, "in")
        try:
            if suffix == "-migrate":
                state = migrate(state, date, inbox, ta)
                yield d, {}, None
            else:
                state, files = clear_day(state, date, inbox, ta)
                yield d, files, None
        except DayFailed as e:
            yield d, None, e


def write_files(folder, files):
    os.makedirs(folder, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("case")
    ap.add_argument("out")
    ap.add_argument("--ta")
    a = ap.parse_args()
    for d, files, err in run_case(a.case, a.ta):
        if err:
            print("DAY-FAILED %s: %s\n  %s" % (d, err.rule, err.message))
            os.makedirs(os.path.join(a.out, d), exist_ok=True)
        else:
            write_files(os.path.join(a.out, d), files)
            print("%s: %d files" % (d, len(files)))


if __name__ == "__main__":
    main()
