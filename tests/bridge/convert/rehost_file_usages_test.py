#!/usr/bin/env python3
"""mfbridge rehost-file on a generated file with every USAGE and sign form, and on a
LINE SEQUENTIAL target.

The EBCDIC records are built here from IBM's definitions (zoned overpunch zones C/D/F,
SIGN SEPARATE '+' 4E / '-' 60, packed nibbles, big-endian binary, HFP floats; IBM's own
example -118.625 = C2 76 A0 00 checks the HFP builder), never from mfbridge. A COBOL program
compiled with `cobc -std=ibm` reads the rehosted file and prints every item; the values
must be the ones the records were built from, and --reverse must give the bytes back.

Usage: rehost_file_usages_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.abspath("tests/support"))
from script_checks import check, finish, packed  # noqa: E402
import rehost_reader as rr  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")

USAGES_CPY = """\
       01  USAGE-REC.
           05  U-TEXT        PIC X(10).
           05  U-ZONED       PIC S9(5)V99.
           05  U-UNSIGNED    PIC 9(4).
           05  U-LEAD        PIC S9(3) SIGN LEADING.
           05  U-TRAIL-SEP   PIC S9(3) SIGN TRAILING SEPARATE.
           05  U-LEAD-SEP    PIC S9(3) SIGN LEADING SEPARATE.
           05  U-PACKED      PIC S9(5)V99 COMP-3.
           05  U-BIN         PIC S9(4) COMP.
           05  U-BIN8        PIC S9(15) BINARY.
           05  U-COMP5       PIC S9(8) COMP-5.
           05  U-FLOAT       COMP-1.
           05  U-DOUBLE      COMP-2.
           05  U-EDITED      PIC -ZZ9.99.
           05  U-TABLE       OCCURS 2.
               10  U-T-CODE  PIC X(2).
               10  U-T-AMT   PIC S9(3) COMP-3.
           05  FILLER        PIC X(2).
"""

# (text, zoned x100, unsigned, lead, trail-sep, lead-sep, packed x100, bin, bin8, comp5,
#  float, double, edited text, [(code, amt)])
ROWS = [
    ("ALPHA", -12345, 42, -7, 123, -45, -99999, -1234, -123456789012345, -8,
     -118.625, 0.5, "-  3.50", [("AB", -1), ("CD", 999)]),
    ("  LEAD SP", 9999999, 0, 999, -1, 0, 12, 9999, 999999999999999, 99999999,
     0.5, -1234.0625, "  12.25", [("", 0), ("Z", -999)]),
]



def zoned(value, digits, sign="trailing"):
    """IBM zoned: F zone digits; the sign as the zone C/D of the first or last digit (F
    when unsigned), or a separate '+' 4E / '-' 60 byte."""
    d = bytearray(0xF0 + int(c) for c in str(abs(value)).rjust(digits, "0"))
    s = 0xD0 if value < 0 else 0xC0
    if sign == "trailing":
        d[-1] = s | (d[-1] & 0x0F)
    elif sign == "leading":
        d[0] = s | (d[0] & 0x0F)
    elif sign == "trailing-sep":
        d.append(0x60 if value < 0 else 0x4E)
    elif sign == "leading-sep":
        d.insert(0, 0x60 if value < 0 else 0x4E)
    return bytes(d)


def hfp(value, n):
    """IBM hexadecimal floating point: sign, excess-64 exponent of 16, fraction."""
    if value == 0:
        return bytes(n)
    sign, m, e = 0x80 if value < 0 else 0, abs(value), 64
    while m >= 1:
        m, e = m / 16, e + 1
    while m < 1 / 16:
        m, e = m * 16, e - 1
    frac = round(m * (1 << (8 * (n - 1))))
    return bytes([sign | e]) + frac.to_bytes(n - 1, "big")


def record(r):
    b = r[0].ljust(10).encode("cp037") + zoned(r[1], 7) + zoned(r[2], 4, "unsigned")
    b += zoned(r[3], 3, "leading") + zoned(r[4], 3, "trailing-sep") + zoned(r[5], 3, "leading-sep")
    b += packed(r[6], 4) + r[7].to_bytes(2, "big", signed=True)
    b += r[8].to_bytes(8, "big", signed=True) + r[9].to_bytes(4, "big", signed=True)
    b += hfp(r[10], 4) + hfp(r[11], 8) + r[12].encode("cp037")
    for code, amt in r[13]:
        b += code.ljust(2).encode("cp037") + packed(amt, 2)
    return b + "  ".encode("cp037")


def expected(r):
    """The JSON convert would give, built from the row (numbers as text with their scale)."""
    n = lambda t: ("num", t)
    cents = lambda v: n(("-" if v < 0 else "") + "%d.%02d" % divmod(abs(v), 100))
    return {"U-TEXT": r[0], "U-ZONED": cents(r[1]), "U-UNSIGNED": n(str(r[2])),
            "U-LEAD": n(str(r[3])), "U-TRAIL-SEP": n(str(r[4])), "U-LEAD-SEP": n(str(r[5])),
            "U-PACKED": cents(r[6]), "U-BIN": n(str(r[7])), "U-BIN8": n(str(r[8])),
            "U-COMP5": n(str(r[9])), "U-FLOAT": n(repr(r[10])), "U-DOUBLE": n(repr(r[11])),
            "U-EDITED": n(r[12].replace(" ", "")),
            "U-TABLE": [{"U-T-CODE": c, "U-T-AMT": n(str(a))} for c, a in r[13]]}


def mfb(args):
    r = subprocess.run([MFB] + args, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode(errors="replace")


def read_and_compare(cpy, work, rehosted, rows, flags, where, line_sequential=False):
    items = rr.reader_program(cpy, work, os.path.basename(rehosted), line_sequential)
    shown = rr.run_reader(rr.build_reader(cpy, work, flags), work)
    lines = [json_text(r if isinstance(r, dict) else expected(r)) for r in rows]
    return rr.compare(items, shown, lines, where, "latin-1")


def json_text(v):
    """JSON text of an expected tree; ("num", t) is written as the number t itself."""
    if isinstance(v, tuple):
        return v[1]
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k) + ":" + json_text(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(json_text(x) for x in v) + "]"
    return json.dumps(v)


def test_every_usage(tmp):
    check(hfp(-118.625, 4) == bytes.fromhex("C276A000"), "HFP builder against IBM's example")
    work = tempfile.mkdtemp(dir=tmp)
    cpy = os.path.join(work, "USAGES.cpy")
    open(cpy, "w").write(USAGES_CPY)
    data = os.path.join(work, "usages.ebc")
    open(data, "wb").write(b"".join(record(r) for r in ROWS))
    for rflags, cflags in [([], []), (["--binary-byteorder", "native"],
                                      ["-fbinary-byteorder=native"]),
                           (["--sign", "ebcdic"], ["-fsign=EBCDIC"])]:
        out = os.path.join(work, "usages.dat")
        base = ["rehost-file", "--copybook", cpy, "--codepage", "cp037"] + rflags
        rc, _, err = mfb(base + ["--input", data, "-o", out])
        check(rc == 0, "usages %s: exit %d %s" % (rflags, rc, err))
        bad = read_and_compare(cpy, work, out, ROWS, cflags, "usages %s" % rflags)
        check(not bad, "usages %s: %s" % (rflags, bad[:4]))
        back = os.path.join(work, "back.ebc")
        rc, _, err = mfb(base + ["--reverse", "--input", out, "-o", back])
        check(rc == 0 and open(back, "rb").read() == open(data, "rb").read(),
              "usages %s: --reverse not byte-identical: %s" % (rflags, err))
    print("ok: every USAGE read by GnuCOBOL and back")


LINE_CPY = """\
       01  LINE-REC.
           05  L-NAME   PIC X(12).
           05  L-AMT    PIC S9(5)V99.
           05  L-LEAD   PIC S9(3) SIGN LEADING SEPARATE.
           05  L-NOTE   PIC X(10).
"""
LINE_ROWS = [("ANNA", -1050, -5, "FIRST"), ("BOB SMITH", 99, 12, ""), ("", 0, 0, "  LAST")]


def test_line_sequential(tmp):
    work = tempfile.mkdtemp(dir=tmp)
    cpy = os.path.join(work, "LINEREC.cpy")
    open(cpy, "w").write(LINE_CPY)
    data = os.path.join(work, "lines.ebc")
    ebc = b"".join(r[0].ljust(12).encode("cp037") + zoned(r[1], 7) +
                   zoned(r[2], 3, "leading-sep") + r[3].ljust(10).encode("cp037")
                   for r in LINE_ROWS)
    open(data, "wb").write(ebc)
    out = os.path.join(work, "lines.txt")
    base = ["rehost-file", "--copybook", cpy, "--codepage", "cp037",
            "--organization", "line-sequential"]
    rc, _, err = mfb(base + ["--input", data, "-o", out])
    check(rc == 0, "line sequential: exit %d %s" % (rc, err))
    text = open(out, "rb").read()
    check(text.count(b"\n") == 3 and not any(l.endswith(b" ") for l in text.split(b"\n")),
          "one line a record, trailing spaces removed: %r" % text)
    n = lambda t: ("num", t)
    rows = [{"L-NAME": r[0], "L-AMT": n("%s%d.%02d" % ("-" if r[1] < 0 else "",
                                                       *divmod(abs(r[1]), 100))),
             "L-LEAD": n(str(r[2])), "L-NOTE": r[3]} for r in LINE_ROWS]
    bad = read_and_compare(cpy, work, out, rows, [], "line sequential", True)
    check(not bad, "line sequential: %s" % bad[:4])
    back = os.path.join(work, "back.ebc")
    rc, _, err = mfb(base + ["--reverse", "--input", out, "-o", back])
    check(rc == 0 and open(back, "rb").read() == ebc, "line sequential back: %s" % err)
    print("ok: LINE SEQUENTIAL read by GnuCOBOL and back")


ODO_LINE_CPY = """\
       01  ODO-LINE.
           05  O-ID      PIC X(4).
           05  O-N       PIC 9.
           05  O-ITEM    PIC X(3) OCCURS 0 TO 3 TIMES DEPENDING ON O-N.
"""
ODO_LINE_ROWS = [("A001", ["XY", "Z"]), ("B002", []), ("C003", ["ONE", "TWO", "SIX"])]


def test_line_sequential_odo(tmp):
    """V records with OCCURS DEPENDING ON as lines, and back to their own lengths."""
    work = tempfile.mkdtemp(dir=tmp)
    cpy = os.path.join(work, "ODOLINE.cpy")
    open(cpy, "w").write(ODO_LINE_CPY)
    recs = [(i + str(len(items)) + "".join(t.ljust(3) for t in items)).encode("cp037")
            for i, items in ODO_LINE_ROWS]
    ebc = b"".join((len(r) + 4).to_bytes(2, "big") + b"\0\0" + r for r in recs)
    data = os.path.join(work, "odo.ebc")
    open(data, "wb").write(ebc)
    out = os.path.join(work, "odo.txt")
    base = ["rehost-file", "--copybook", cpy, "--codepage", "cp037", "--recfm", "V",
            "--organization", "line-sequential"]
    rc, _, err = mfb(base + ["--input", data, "-o", out])
    want = b"".join(r.decode("cp037").rstrip(" ").encode() + b"\n" for r in recs)
    check(rc == 0 and open(out, "rb").read() == want, "ODO lines: exit %d %s" % (rc, err))
    back = os.path.join(work, "back.ebc")
    rc, _, err = mfb(base + ["--reverse", "--input", out, "-o", back])
    check(rc == 0 and open(back, "rb").read() == ebc,
          "ODO lines back to V records of their own lengths: exit %d %s" % (rc, err))


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        test_every_usage(tmp)
        test_line_sequential(tmp)
        test_line_sequential_odo(tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
