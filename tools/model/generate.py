#!/usr/bin/env python3
"""Write the expected outputs of case folders with the model.

    python3 tools/model/generate.py CASE_DIR [CASE_DIR ...]

A CASE_DIR whose subfolders are cases (no day folders of its own) is
expanded to them.  For each day folder (`<date>[letter]`, `<date>-migrate`)
the out/ folder is replaced: the day's files, or, for a failed day, one file
out/DAY-FAILED whose first line is the model's rule id and whose second line
is its message.  A successful migrate day leaves out/ absent.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from openta_model import run_case, day_folders, write_files  # noqa: E402


def generate(case_dir):
    for d in day_folders(case_dir):
        out = os.path.join(case_dir, d, "out")
        if os.path.isdir(out):
            shutil.rmtree(out)
    for d, files, err in run_case(case_dir):
        out = os.path.join(case_dir, d, "out")
        if err is not None:
            os.makedirs(out)
            with open(os.path.join(out, "DAY-FAILED"), "w", encoding="utf-8", newline="\n") as f:
                f.write("%s\n%s\n" % (err.rule, err.message))
            print("%s/%s: DAY-FAILED %s" % (os.path.basename(case_dir), d, err.rule))
        elif files:
            write_files(out, files)
            print("%s/%s: %d files" % (os.path.basename(case_dir), d, len(files)))
        else:
            print("%s/%s: ok, no files" % (os.path.basename(case_dir), d))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for c in sys.argv[1:]:
        if day_folders(c):
            generate(c)
        else:
            for sub in sorted(os.listdir(c)):
                p = os.path.join(c, sub)
                if os.path.isdir(p) and day_folders(p):
                    generate(p)


if __name__ == "__main__":
    main()
