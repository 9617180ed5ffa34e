#!/usr/bin/env python3
"""Sign symbols in numeric-edited pictures (+ - CR DB, fixed and floating) and Cobrix's S
in an edited picture (S9(3).99: digits, a point, the sign overpunched on the last digit),
decoded from records GnuCOBOL wrote (cobc -std=ibm -fsign=EBCDIC). GnuCOBOL cannot compile
S9(3).99, so its program writes that field in parts (9(3), '.', S99 holding the signed
hundredths), which gives the bytes Cobrix's picture describes. Expected values are the
literals the program MOVEd, cut to each picture's scale in Python.

Usage: gnucobol_edited_signs_test.py BUILD_DIR  (run from the repository root)
"""

import os
import shutil
import sys
import tempfile
from decimal import ROUND_DOWN, Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gnucobol_convert_test as g  # noqa: E402  (its helpers: cobc, mfbridge runs, checks)

VALUES = ["-305.03", "784.49", "-131.40", "0", "-999.99"]
INTEGER_FIELDS = ["SGN-LEAD-PLUS", "SGN-TRAIL-PLUS", "SGN-LEAD-MINUS", "SGN-TRAIL-MINUS"]
SCALE2_FIELDS = ["SGN-DEC-MINUS", "SGN-POINT-MINUS", "SGN-CREDIT", "SGN-DEBIT",
                 "SGN-FLOAT-MINUS", "SGN-OVERPUNCH"]


def expected(value):
    v = Decimal(value)
    row = {"SGN-ID": None}
    for name in INTEGER_FIELDS:
        row[name] = g.num(str(v.to_integral_value(rounding=ROUND_DOWN) + 0))
    for name in SCALE2_FIELDS:
        q = v.quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        row[name] = g.num("0.00" if q == 0 else str(q))
    return row


def program():
    body = []
    for i, value in enumerate(VALUES):
        body += ["MOVE SPACES TO SGN-REC.", 'MOVE "R%d" TO SGN-ID.' % i]
        for name in INTEGER_FIELDS + SCALE2_FIELDS[:-1]:
            body.append("MOVE %s TO %s." % (value, name))
        body += ["MOVE %s TO SGN-OP-INT." % value, 'MOVE "." TO SGN-OP-POINT.',
                 "COMPUTE SGN-OP-FRAC =",
                 "    (%s - FUNCTION INTEGER-PART(%s)) * 100." % (value, value),
                 "WRITE SGN-REC."]
    return g.cobol_program("SGNW", "signs_written.cpy", "signs.gnu", body)


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        g.build_and_run(tmp, "SGNW", program())
        raw = open(os.path.join(tmp, "signs.gnu"), "rb").read()
        # Every field is DISPLAY; -fsign=EBCDIC spells the overpunch as { A-I } J-R.
        data = os.path.join(tmp, "signs.dat")
        open(data, "wb").write(raw.decode("ascii").encode("cp037"))
        read_cpy = os.path.join(g.DATA, "signs_read.cpy")
        rc, out, err = g.run(["--copybook", read_cpy, "--input", data, "--cobrix"])
        g.check(rc == 0, "--cobrix exit %d: %s" % (rc, err))
        got = g.parse_lines(out)
        g.check(len(got) == len(VALUES), "%d rows for %d records" % (len(got), len(VALUES)))
        for i, (row, value) in enumerate(zip(got, VALUES)):
            want = expected(value)
            want["SGN-ID"] = "R%d" % i
            g.same(row, want, "record %d (%s)" % (i, value))
        # IBM refuses S in an edited picture: without --cobrix the copybook is an error.
        rc, out, err = g.run(["--copybook", read_cpy, "--input", data])
        g.check(rc == 1 and "S9(3).99" in err, "without --cobrix: exit %d: %s" % (rc, err))
    if g.FAILURES:
        print("%d failure(s)" % len(g.FAILURES))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
