#!/usr/bin/env python3
"""mfbridge convert checked against records GnuCOBOL wrote.

The oracle: COBOL programs (generated below from VALUE tables) MOVE known values into
records with every USAGE and WRITE them (`cobc -std=ibm -fsign=EBCDIC`). GnuCOBOL writes
DISPLAY data in ASCII; with -fsign=EBCDIC its overpunch signs are the EBCDIC ones spelled
in ASCII ('{', 'A'-'I', '}', 'J'-'R'), so Python's cp037 codec turns every DISPLAY field
into the bytes a mainframe would hold. COMP-5 is native (little-endian) on x86, so the
test swaps it to big-endian. The expected JSON is built here from the values the COBOL
program MOVEd, never from our output.

Usage: gnucobol_convert_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.abspath("build")
MFB = os.path.join(BUILD, "mfbridge")
DATA = os.path.abspath("tests/data/convert")
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


def num(text):
    """An expected JSON number, kept as text so its scale is compared exactly."""
    return ("num", text)


# ---------------------------------------------------------------- customer (every USAGE)
# (name, cobol literal MOVEd, expected JSON value)
CUSTOMERS = [
    {
        "CUST-ID": ("1", num("1")),
        "CUST-NAME": ('"ANNA O""BRIEN, \\ CO"', 'ANNA O"BRIEN, \\ CO'),
        "CITY": ('"ZURICH"', "ZURICH"),
        "ZIP": ("8001", num("8001")),
        "BALANCE": ("-1234.5", num("-1234.50")),
        "CREDIT-LIMIT": ("-0.01", num("-0.01")),
        "UNSIGNED-PACKED": ("9999", num("9999")),
        "VISITS": ("-9999", num("-9999")),
        "BIG-BIN": ("-123456789012", num("-123456789012")),
        "SCORE": ("-99999999", num("-99999999")),
        "RATE": (".0001", num("0.0001")),
        "LEAD-SIGN": ("-7", num("-7")),
        "MONTHLY": (["100.25", "-0.5", "0", "99999.99"],
                    [num("100.25"), num("-0.50"), num("0.00"), num("99999.99")]),
        "SKU": (['"AB12"', '"Z"'], ["AB12", "Z"]),
        "QTY": (["1", "-999"], [num("1"), num("-999")]),
    },
    {
        "CUST-ID": ("999999", num("999999")),
        "CUST-NAME": ('"   LEADING SPACES"', "   LEADING SPACES"),
        "CITY": ('"SAO PAULO"', "SAO PAULO"),
        "ZIP": ("0", num("0")),
        "BALANCE": ("9999999.99", num("9999999.99")),
        "CREDIT-LIMIT": ("12345.67", num("12345.67")),
        "UNSIGNED-PACKED": ("0", num("0")),
        "VISITS": ("42", num("42")),
        "BIG-BIN": ("999999999999", num("999999999999")),
        "SCORE": ("12345678", num("12345678")),
        "RATE": ("-.9999", num("-0.9999")),
        "LEAD-SIGN": ("123", num("123")),
        "MONTHLY": (["-99999.99", "0.01", "-10", "5"],
                    [num("-99999.99"), num("0.01"), num("-10.00"), num("5.00")]),
        "SKU": (['" X "', '"    "'], [" X", ""]),
        "QTY": (["0", "500"], [num("0"), num("500")]),
    },
    {
        "CUST-ID": ("0", num("0")),
        "CUST-NAME": ("SPACES", ""),
        "CITY": ('"A"', "A"),
        "ZIP": ("99999", num("99999")),
        "BALANCE": ("0", num("0.00")),
        "CREDIT-LIMIT": ("0", num("0.00")),
        "UNSIGNED-PACKED": ("1", num("1")),
        "VISITS": ("0", num("0")),
        "BIG-BIN": ("0", num("0")),
        "SCORE": ("0", num("0")),
        "RATE": ("0", num("0.0000")),
        "LEAD-SIGN": ("0", num("0")),
        "MONTHLY": (["0", "0", "0", "0"], [num("0.00")] * 4),
        "SKU": (['"A,B"', '"Q""T"'], ["A,B", 'Q"T']),
        "QTY": (["-1", "1"], [num("-1"), num("1")]),
    },
]

# Field layout: (name, offset, length, how GnuCOBOL's bytes become mainframe bytes).
CUSTOMER_FIELDS = [
    ("CUST-ID", 0, 6, "display"), ("CUST-NAME", 6, 20, "display"), ("CITY", 26, 12, "display"),
    ("ZIP", 38, 5, "display"), ("BALANCE", 43, 5, "raw"), ("CREDIT-LIMIT", 48, 7, "display"),
    ("UNSIGNED-PACKED", 55, 3, "raw"), ("VISITS", 58, 2, "raw"), ("BIG-BIN", 60, 8, "raw"),
    ("SCORE", 68, 4, "swap"), ("RATE", 72, 3, "raw"), ("LEAD-SIGN", 75, 4, "display"),
    ("FILLER", 79, 3, "display"), ("MONTHLY", 82, 16, "raw"), ("SKU1", 98, 4, "display"),
    ("QTY1", 102, 2, "raw"), ("SKU2", 104, 4, "display"), ("QTY2", 108, 2, "raw"),
]
CUSTOMER_LEN = 110


def to_mainframe(rec, fields):
    out = bytearray(rec)
    for _name, off, length, how in fields:
        chunk = rec[off:off + length]
        if how == "display":
            out[off:off + length] = chunk.decode("ascii").encode("cp037")
        elif how == "swap":
            out[off:off + length] = chunk[::-1]
    return bytes(out)


def cobol_program(name, fd_copybook, file_name, body, variable=False):
    lines = [
        "       IDENTIFICATION DIVISION.",
        "       PROGRAM-ID. %s." % name,
        "       ENVIRONMENT DIVISION.",
        "       INPUT-OUTPUT SECTION.",
        "       FILE-CONTROL.",
        '           SELECT OUT-FILE ASSIGN TO "%s"' % file_name,
        "               ORGANIZATION IS SEQUENTIAL.",
        "       DATA DIVISION.",
        "       FILE SECTION.",
        "       FD  OUT-FILE.",
        "       COPY \"%s\"." % fd_copybook,
        "       PROCEDURE DIVISION.",
        "           OPEN OUTPUT OUT-FILE.",
    ]
    lines += ["           " + s for s in body]
    lines += ["           CLOSE OUT-FILE.", "           STOP RUN."]
    return "\n".join(lines) + "\n"


def build_and_run(tmp, name, source):
    path = os.path.join(tmp, name + ".cbl")
    with open(path, "w") as f:
        f.write(source)
    r = subprocess.run(["cobc", "-std=ibm", "-fsign=EBCDIC", "-x", "-I", DATA, "-o",
                        os.path.join(tmp, name), path], cwd=tmp, capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stdout, r.stderr)
        raise SystemExit("cobc failed for " + name)
    subprocess.run([os.path.join(tmp, name)], cwd=tmp, check=True)


def customer_moves():
    body = []
    for values in CUSTOMERS:
        body.append("MOVE SPACES TO CUSTOMER-REC.")
        for field, (literal, _exp) in values.items():
            if isinstance(literal, list):
                for i, lit in enumerate(literal, 1):
                    body.append("MOVE %s TO %s(%d)." % (lit, field, i))
            else:
                body.append("MOVE %s TO %s." % (literal, field))
        body.append("WRITE CUSTOMER-REC.")
    return body


def run(args, stdin=None):
    r = subprocess.run([MFB, "convert"] + args + ["--no-progress"], capture_output=True,
                       input=stdin)
    return r.returncode, r.stdout, r.stderr.decode()


def same(actual, expected, where):
    """Compare parsed JSON (numbers as Decimal text) with an expected tree."""
    if isinstance(expected, tuple):
        check(isinstance(actual, Decimal) or isinstance(actual, int),
              "%s: %r is not a number" % (where, actual))
        check(str(actual) == expected[1], "%s: %s != %s" % (where, actual, expected[1]))
    elif isinstance(expected, dict):
        check(isinstance(actual, dict) and list(actual.keys()) == list(expected.keys()),
              "%s: keys %s != %s" % (where, list(actual.keys()) if isinstance(actual, dict)
                                     else actual, list(expected.keys())))
        if isinstance(actual, dict):
            for k in expected:
                if k in actual:
                    same(actual[k], expected[k], where + "." + k)
    elif isinstance(expected, list):
        check(isinstance(actual, list) and len(actual) == len(expected),
              "%s: %r != %r" % (where, actual, expected))
        if isinstance(actual, list):
            for i, (a, e) in enumerate(zip(actual, expected)):
                same(a, e, "%s[%d]" % (where, i))
    else:
        check(actual == expected, "%s: %r != %r" % (where, actual, expected))


def parse_lines(out):
    return [json.loads(line, parse_float=Decimal) for line in out.decode().splitlines()]


def expected_customer(values):
    e = lambda k: values[k][1]
    return {
        "CUST-ID": e("CUST-ID"), "CUST-NAME": e("CUST-NAME"),
        "CUST-ADDR": {"CITY": e("CITY"), "ZIP": e("ZIP")},
        "BALANCE": e("BALANCE"), "CREDIT-LIMIT": e("CREDIT-LIMIT"),
        "UNSIGNED-PACKED": e("UNSIGNED-PACKED"), "VISITS": e("VISITS"), "BIG-BIN": e("BIG-BIN"),
        "SCORE": e("SCORE"), "RATE": e("RATE"), "LEAD-SIGN": e("LEAD-SIGN"),
        "MONTHLY": e("MONTHLY"),
        "ORDER-LINES": [{"SKU": e("SKU")[i], "QTY": e("QTY")[i]} for i in range(2)],
    }


def test_customer(tmp):
    build_and_run(tmp, "CUSTW", cobol_program("CUSTW", "customer.cpy", "customer.gnu",
                                              customer_moves()))
    raw = open(os.path.join(tmp, "customer.gnu"), "rb").read()
    check(len(raw) == CUSTOMER_LEN * len(CUSTOMERS), "GnuCOBOL wrote %d bytes" % len(raw))
    ebc = b"".join(to_mainframe(raw[i:i + CUSTOMER_LEN], CUSTOMER_FIELDS)
                   for i in range(0, len(raw), CUSTOMER_LEN))
    data = os.path.join(tmp, "customer.dat")
    open(data, "wb").write(ebc)
    cpy = os.path.join(DATA, "customer.cpy")

    rc, out, err = run(["--copybook", cpy, "--input", data, "--threads", "1"])
    check(rc == 0, "customer convert exit %d: %s" % (rc, err))
    got = parse_lines(out)
    check(len(got) == len(CUSTOMERS), "customer: %d lines" % len(got))
    for i, (g, values) in enumerate(zip(got, CUSTOMERS)):
        same(g, expected_customer(values), "customer[%d]" % i)
    # Exact number text (scale kept, never through double): the raw line, not a parse.
    first = out.decode().splitlines()[0]
    check('"BALANCE":-1234.50,' in first and '"RATE":0.0001,' in first
          and '"MONTHLY":[100.25,-0.50,0.00,99999.99]' in first,
          "customer: exact decimals in " + first)

    # --keep-trailing-spaces keeps the padding of text fields.
    rc, out, _ = run(["--copybook", cpy, "--input", data, "--keep-trailing-spaces"])
    got = parse_lines(out)
    check(got and got[0]["CUST-NAME"] == 'ANNA O"BRIEN, \\ CO'.ljust(20),
          "keep-trailing-spaces: %r" % (got[0]["CUST-NAME"] if got else None))

    # CSV: header of flattened names, RFC 4180 quoting; checked with Python's csv module.
    import csv
    import io
    rc, out, err = run(["--copybook", cpy, "--input", data, "--format", "csv"])
    check(rc == 0, "csv exit %d: %s" % (rc, err))
    check(out.startswith(b"CUST-ID,CUST-NAME,CUST-ADDR_CITY,CUST-ADDR_ZIP,BALANCE,"),
          "csv header: %r" % out[:80])
    check(b"\r\n" in out, "csv rows end with CRLF")
    rows = list(csv.reader(io.StringIO(out.decode(), newline="")))
    header = rows[0]
    want_header = ["CUST-ID", "CUST-NAME", "CUST-ADDR_CITY", "CUST-ADDR_ZIP", "BALANCE",
                   "CREDIT-LIMIT", "UNSIGNED-PACKED", "VISITS", "BIG-BIN", "SCORE", "RATE",
                   "LEAD-SIGN", "MONTHLY_1", "MONTHLY_2", "MONTHLY_3", "MONTHLY_4",
                   "ORDER-LINES_1_SKU", "ORDER-LINES_1_QTY", "ORDER-LINES_2_SKU",
                   "ORDER-LINES_2_QTY"]
    check(header == want_header, "csv header: %s" % header)
    for i, values in enumerate(CUSTOMERS):
        row = dict(zip(header, rows[i + 1]))
        check(row["CUST-NAME"] == values["CUST-NAME"][1], "csv name %r" % row["CUST-NAME"])
        check(row["BALANCE"] == values["BALANCE"][1][1], "csv balance %r" % row["BALANCE"])
        check(row["ORDER-LINES_1_SKU"] == values["SKU"][1][0], "csv sku %r"
              % row["ORDER-LINES_1_SKU"])
        check(row["MONTHLY_2"] == values["MONTHLY"][1][1][1], "csv monthly %r"
              % row["MONTHLY_2"])
    check(b'"A,B"' in out and b'"Q""T"' in out, "csv quoting of comma and quote")
    return data, cpy


def test_bad_data(tmp, data, cpy):
    ebc = bytearray(open(data, "rb").read())
    # Record 2, BALANCE (offset 43, 5 bytes): a digit nibble of A.
    ebc[CUSTOMER_LEN + 44] = 0x3A
    bad = os.path.join(tmp, "bad.dat")
    open(bad, "wb").write(ebc)
    hexes = " ".join("%02X" % b for b in ebc[CUSTOMER_LEN + 43:CUSTOMER_LEN + 48])
    want = ("%s: record 2 (file offset 110): field CUSTOMER-REC.BALANCE at offset 43 "
            "(bytes 43-47): invalid digit: %s" % (bad, hexes))
    rc, out, err = run(["--copybook", cpy, "--input", bad])
    check(rc == 2, "fail policy exit %d" % rc)
    check(want in err, "error text:\n  want %s\n  got  %s" % (want, err))
    check(len(out.splitlines()) == 1, "fail policy writes the records before the bad one")

    rc, out, err = run(["--copybook", cpy, "--input", bad, "--on-error", "skip"])
    check(rc == 0 and len(out.splitlines()) == 2, "skip: exit %d, %d lines" % (rc,
                                                                                len(out.splitlines())))
    check("1 rejected (invalid digit: 1)" in err, "skip summary: " + err)

    rej = os.path.join(tmp, "rejects.dat")
    rc, out, err = run(["--copybook", cpy, "--input", bad, "--on-error", "reject",
                        "--reject-file", rej])
    check(rc == 0, "reject exit %d" % rc)
    check(open(rej, "rb").read() == bytes(ebc[CUSTOMER_LEN:2 * CUSTOMER_LEN]),
          "reject file holds the raw record")
    log = [json.loads(l) for l in open(rej + ".errors.jsonl")]
    check(len(log) == 1 and log[0]["record"] == 2 and log[0]["file_offset"] == 110
          and log[0]["field"] == "CUSTOMER-REC.BALANCE" and log[0]["field_offset"] == 43
          and log[0]["bytes"] == hexes and log[0]["reason"] == "invalid digit",
          "reject log: %s" % log)

    rc, out, err = run(["--copybook", cpy, "--input", bad, "--on-error", "skip",
                        "--max-errors", "0"])
    check(rc == 2, "max-errors 0 exit %d" % rc)


MULTI = [
    ("HDR-REC", ['MOVE "H" TO HDR-TYPE.', "MOVE 20240131 TO HDR-DATE.",
                 'MOVE "BATCH 7" TO HDR-NAME.'],
     {"HDR-TYPE": "H", "HDR-DATE": num("20240131"), "HDR-NAME": "BATCH 7"}),
    ("DTL-REC", ['MOVE "D" TO DTL-TYPE.', 'MOVE "A" TO DTL-KIND.',
                 "MOVE -1500.75 TO DTL-AMOUNT.", 'MOVE "FIRST ITEM" TO DTL-TEXT.'],
     {"DTL-TYPE": "D", "DTL-KIND": "A",
      "DTL-BODY": {"DTL-AMOUNT": num("-1500.75"), "DTL-TEXT": "FIRST ITEM"}}),
    ("DTL-REC", ['MOVE "D" TO DTL-TYPE.', 'MOVE "B" TO DTL-KIND.',
                 "MOVE -77 TO DTL-COUNT.", 'MOVE "CODE-B" TO DTL-CODE.'],
     {"DTL-TYPE": "D", "DTL-KIND": "B",
      "DTL-ALT": {"DTL-COUNT": num("-77"), "DTL-CODE": "CODE-B"}}),
    ("TRL-REC", ['MOVE "T" TO TRL-TYPE.', "MOVE 2 TO TRL-COUNT.",
                 "MOVE -1500.75 TO TRL-TOTAL."],
     {"TRL-TYPE": "T", "TRL-COUNT": num("2"), "TRL-TOTAL": num("-1500.75")}),
]
MULTI_FIELDS = {
    "HDR-REC": [("ALL", 0, 20, "display")],
    "DTL-REC": [("T", 0, 2, "display"), ("AMOUNT", 2, 5, "raw"), ("TEXT", 7, 13, "display")],
    "DTL-ALT": [("T", 0, 2, "display"), ("COUNT", 2, 4, "raw"), ("CODE", 6, 14, "display")],
    "TRL-REC": [("T", 0, 8, "display"), ("TOTAL", 8, 6, "raw"), ("FILLER", 14, 6, "display")],
}
SELECT = ["--select", "HDR-TYPE=H:HDR-REC", "--select", "HDR-TYPE=T:TRL-REC",
          "--select", "DTL-KIND=A:DTL-BODY", "--select", "DTL-KIND=B:DTL-ALT"]


def test_multi(tmp):
    body = []
    for rec, moves, _ in MULTI:
        body += ["MOVE SPACES TO %s." % rec] + moves + ["WRITE %s." % rec]
    build_and_run(tmp, "MULTW", cobol_program("MULTW", "multi.cpy", "multi.gnu", body))
    raw = open(os.path.join(tmp, "multi.gnu"), "rb").read()
    check(len(raw) == 20 * len(MULTI), "multi: GnuCOBOL wrote %d bytes" % len(raw))
    ebc = b""
    for i, (rec, _m, exp) in enumerate(MULTI):
        kind = "DTL-ALT" if "DTL-ALT" in exp else rec
        ebc += to_mainframe(raw[20 * i:20 * i + 20], MULTI_FIELDS[kind])
    data = os.path.join(tmp, "multi.dat")
    open(data, "wb").write(ebc)
    cpy = os.path.join(DATA, "multi.cpy")

    rc, out, err = run(["--copybook", cpy, "--input", data, "--record-type-key", "_record"]
                       + SELECT)
    check(rc == 0, "multi exit %d: %s" % (rc, err))
    got = parse_lines(out)
    check(len(got) == len(MULTI), "multi: %d lines" % len(got))
    names = ["HDR-REC", "DTL-BODY", "DTL-ALT", "TRL-REC"]
    for i, (g, (_r, _m, exp)) in enumerate(zip(got, MULTI)):
        want = dict([("_record", names[i])] + list(exp.items()))
        same(g, want, "multi[%d]" % i)

    # Without a rule for the alternatives, both are present. The B record's packed view
    # is not valid packed data: that item is null and reported, and the group alternative
    # DTL-BODY keeps its valid item, DTL-TEXT, whose bytes are DTL-CODE's from the second
    # on (what the program MOVEd to DTL-CODE, "CODE-B", less its first byte).
    rc, out, err = run(["--copybook", cpy, "--input", data, "--record", "DTL-REC"])
    lines = parse_lines(out)
    check(rc == 0, "all alternatives exit %d: %s" % (rc, err))
    if len(lines) >= 3:
        a = lines[1]
        check(list(a.keys()) == ["DTL-TYPE", "DTL-KIND", "DTL-BODY", "DTL-ALT"],
              "alternatives keys %s" % list(a.keys()))
        b = lines[2]
        check(b.get("DTL-BODY") == {"DTL-AMOUNT": None, "DTL-TEXT": "CODE-B"[1:]}
              and b["DTL-ALT"]["DTL-CODE"] == "CODE-B",
              "a group alternative nulls only its bad item: %s" % b)
        # The A record's DTL-ALT: its count is the packed bytes read as binary (Python's
        # own big-endian read), its code the text bytes through Python's cp037.
        amount = ebc[22:26]
        count = int.from_bytes(amount, "big", signed=True)
        if abs(count) <= 999999999:
            same(a["DTL-ALT"]["DTL-COUNT"], num(str(count)), "A as DTL-ALT count")
        code = ebc[26:40].decode("cp037").rstrip(" ")
        check(a["DTL-ALT"]["DTL-CODE"] == code, "A as DTL-ALT code %r != %r"
              % (a["DTL-ALT"]["DTL-CODE"], code))
    check("warning (written as null): " in err and "DTL-REC.DTL-BODY.DTL-AMOUNT" in err,
          "null alternative reported: " + err)

    # An unknown record type follows the bad-record policy.
    bad = bytearray(ebc)
    bad[20:22] = "XZ".encode("cp037")
    badf = os.path.join(tmp, "multi_bad.dat")
    open(badf, "wb").write(bad)
    rc, out, err = run(["--copybook", cpy, "--input", badf] + SELECT)
    want = ('%s: record 2 (file offset 20): field HDR-REC.HDR-TYPE at offset 0 (bytes 0-0): '
            'no --select rule matches the value "X": E7' % badf)
    check(rc == 2 and want in err, "unknown type:\n  want %s\n  got  %s" % (want, err))
    return data, cpy


ORDERS = [("12345", [("AAA", "1.5", "1.50"), ("BBB", "-2.25", "-2.25")]),
          ("7", []),
          ("99999", [("C%d" % i, str(i * 11111), "%d.00" % (i * 11111)) for i in range(1, 6)])]


def test_odo(tmp):
    body = []
    for order, items in ORDERS:
        body += ["MOVE SPACES TO ORDER-REC.", "MOVE %s TO ORDER-NO." % order,
                 "MOVE %d TO ITEM-COUNT." % len(items)]
        for i, (code, price, _) in enumerate(items, 1):
            body += ['MOVE "%s" TO ITEM-CODE(%d).' % (code, i),
                     "MOVE %s TO ITEM-PRICE(%d)." % (price, i)]
        body.append("WRITE ORDER-REC.")
    build_and_run(tmp, "ODOW", cobol_program("ODOW", "odo.cpy", "odo.gnu", body))
    raw = open(os.path.join(tmp, "odo.gnu"), "rb").read()
    # GnuCOBOL frames variable records with a 4-byte header: length (big-endian, not
    # counting the header) and two zero bytes. Convert each record's DISPLAY parts.
    ebc, pos = b"", 0
    for order, items in ORDERS:
        n = int.from_bytes(raw[pos:pos + 2], "big")
        check(n == 7 + 7 * len(items), "odo record length %d" % n)
        rec = raw[pos + 4:pos + 4 + n]
        fields = [("NO", 0, 5, "display")] + [("CODE", 7 + 7 * i, 3, "display")
                                              for i in range(len(items))]
        ebc += raw[pos:pos + 4] + to_mainframe(rec, fields)
        pos += 4 + n
    data = os.path.join(tmp, "odo.dat")
    open(data, "wb").write(ebc)
    rc, out, err = run(["--copybook", os.path.join(DATA, "odo.cpy"), "--input", data,
                        "--recfm", "V", "--rdw-excludes-header"])
    check(rc == 0, "odo exit %d: %s" % (rc, err))
    got = parse_lines(out)
    check(len(got) == len(ORDERS), "odo: %d lines" % len(got))
    for i, (g, (order, items)) in enumerate(zip(got, ORDERS)):
        same(g, {"ORDER-NO": num(str(int(order))), "ITEM-COUNT": num(str(len(items))),
                 "ITEMS": [{"ITEM-CODE": c, "ITEM-PRICE": num(p)} for c, _, p in items]},
             "odo[%d]" % i)


# BLANK WHEN ZERO on PIC 9(n): numeric-edited (IBM), so zero is written as spaces.
BWZ = [("A1", "0", "0", "0", num("0"), num("0"), num("0.00")),
       ("B2", "12", "350", "7.25", num("12"), num("350"), num("7.25")),
       ("C3", "9999", "9999999", "0", num("9999"), num("9999999"), num("0.00"))]


def test_blank_when_zero(tmp):
    body = []
    for rid, count, amount, edited, _c, _a, _e in BWZ:
        body += ['MOVE "%s" TO BWZ-ID.' % rid, "MOVE %s TO BWZ-COUNT." % count,
                 "MOVE %s TO BWZ-AMOUNT." % amount, "MOVE %s TO BWZ-EDITED." % edited,
                 "WRITE BWZ-REC."]
    build_and_run(tmp, "BWZW", cobol_program("BWZW", "bwz.cpy", "bwz.gnu", body))
    raw = open(os.path.join(tmp, "bwz.gnu"), "rb").read()
    check(raw[2:6] == b"    ", "GnuCOBOL wrote %r for a zero BLANK WHEN ZERO item" % raw[2:6])
    ebc = raw.decode("ascii").encode("cp037")  # every field is DISPLAY
    data = os.path.join(tmp, "bwz.dat")
    open(data, "wb").write(ebc)
    cpy = os.path.join(DATA, "bwz.cpy")
    rc, out, err = run(["--copybook", cpy, "--input", data])
    check(rc == 0, "bwz exit %d: %s" % (rc, err))
    got = parse_lines(out)
    check(len(got) == len(BWZ), "bwz: %d lines" % len(got))
    for g, (rid, _c, _a, _e, count, amount, edited) in zip(got, BWZ):
        same(g, {"BWZ-ID": rid, "BWZ-COUNT": count, "BWZ-AMOUNT": amount,
                 "BWZ-EDITED": edited}, "bwz " + rid)
    # The encoder writes spaces for zero: the same bytes GnuCOBOL wrote.
    r = subprocess.run([MFB, "encode", "--copybook", cpy], input=out, capture_output=True)
    check(r.returncode == 0 and r.stdout == ebc,
          "bwz encode: exit %d, %r != %r %s" % (r.returncode, r.stdout, ebc, r.stderr))


def test_threads(tmp, data, cpy):
    # Many records (several batches), one bad every 997: output identical for 1 and 4 threads.
    one = open(data, "rb").read()
    big = bytearray(one * 20000)
    for r in range(5, len(big) // CUSTOMER_LEN, 997):
        big[r * CUSTOMER_LEN + 44] = 0xAA
    path = os.path.join(tmp, "big.dat")
    open(path, "wb").write(big)
    outs = {}
    for fmt in ("jsonl", "csv"):
        for t in ("1", "4"):
            rc, out, err = run(["--copybook", cpy, "--input", path, "--threads", t,
                                "--on-error", "skip", "--format", fmt,
                                "--summary-json", os.path.join(tmp, "s%s.json" % t)])
            check(rc == 0, "threads %s exit %d: %s" % (t, rc, err[-300:]))
            outs[(fmt, t)] = out
        check(outs[(fmt, "1")] == outs[(fmt, "4")] and len(outs[(fmt, "1")]) > 0,
              "%s output differs between 1 and 4 threads" % fmt)
    s = json.load(open(os.path.join(tmp, "s4.json")))
    records = len(big) // CUSTOMER_LEN
    bad = len(range(5, records, 997))
    check(s["records_read"] == records and s["records_rejected"] == bad
          and s["records_written"] == records - bad, "summary json: %s" % s)


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return 0
    if not os.path.exists(MFB):
        print("FAIL: %s not built" % MFB)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        data, cpy = test_customer(tmp)
        test_bad_data(tmp, data, cpy)
        test_multi(tmp)
        test_odo(tmp)
        test_blank_when_zero(tmp)
        test_threads(tmp, data, cpy)
    if FAILURES:
        print("%d failure(s)" % len(FAILURES))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
