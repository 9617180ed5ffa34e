#!/usr/bin/env python3
"""Run `mfbridge layout` on every tests/data/layout/fail_*.cpy and expect exit code 1 and
exactly the diagnostics of fail_*.diag on stderr (file:line:col: error: message, the
source line, a caret). The .diag files were written by hand, from what a COBOL programmer
should be told, not captured from our output.
Usage: diagnostics_test.py BUILD_DIR [CASE...]
"""

import difflib
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import layout_oracle  # noqa: E402

DATA = os.path.join("tests", "data", "layout")
COPYLIB = os.path.join(DATA, "copylib")

# Cases the parser is known to get wrong today: case -> reason. A known failure that
# starts passing fails the run, so that this list only names real, current gaps.
KNOWN_FAILURES = {
}


def check(mfbridge, case):
    cpy = os.path.join(DATA, case + ".cpy")
    with open(os.path.join(DATA, case + ".diag")) as f:
        expected = f.read()
    r = subprocess.run([mfbridge, "layout", cpy, "-I", COPYLIB], capture_output=True,
                       text=True, errors="replace", timeout=60)
    problems = []
    if r.returncode != 1:
        problems.append("exit code %d, expected 1" % r.returncode)
    if r.stderr != expected:
        diff = difflib.unified_diff(expected.splitlines(), r.stderr.splitlines(),
                                    "expected", "got", lineterm="", n=1)
        problems += list(diff)
    return problems


def main():
    mfbridge = layout_oracle.mfbridge_from_args(sys.argv)
    if mfbridge is None:
        return 1
    cases = sys.argv[2:] or sorted(
        os.path.splitext(os.path.basename(p))[0]
        for p in glob.glob(os.path.join(DATA, "fail_*.cpy")))
    results = layout_oracle.tally(KNOWN_FAILURES)
    for case in cases:
        results.report(case, check(mfbridge, case), shown=20)
    return results.finish()

if __name__ == "__main__":
    sys.exit(main())
