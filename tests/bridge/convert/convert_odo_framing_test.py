#!/usr/bin/env python3
"""convert --recfm LENGTH-FIELD --length-field NAME and --recfm ODO (records back to back,
no RDW, each as long as its OCCURS DEPENDING ON counters say). The input bytes are built here
from IBM's rules: cp037 text through Python's codec, zoned digits F0-F9 with the sign in the
last zone (C +, D -), packed digits two a byte with a C/D sign nibble, big-endian binary via
struct. Usage: convert_odo_framing_test.py BUILD"""
import json
import struct
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path


def e(s):
    return s.encode("cp037")


def zoned(digits, width, negative=False):
    b = bytearray(0xF0 + int(c) for c in str(digits).rjust(width, "0"))
    if negative:
        b[-1] = 0xD0 | (b[-1] & 0x0F)
    return bytes(b)


def packed(digits, width, negative=False):
    """width digits (odd), then the sign nibble."""
    nibbles = [int(c) for c in str(digits).rjust(width, "0")] + [0xD if negative else 0xC]
    return bytes(nibbles[i] << 4 | nibbles[i + 1] for i in range(0, len(nibbles), 2))


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *args], capture_output=True, text=True)


def rows_of(proc):
    assert proc.returncode == 0, proc.stderr
    return [json.loads(l, parse_float=Decimal, parse_int=Decimal) for l in proc.stdout.splitlines()]


def check_length_field(mfbridge, tmp):
    # REC-LEN counts the bytes after itself; the record is REC-LEN + 2 bytes. Two records of
    # different lengths: the ODO table gives the record its variable part.
    cpy = tmp / "lf.cpy"
    cpy.write_text("       01  LFREC.\n"
                   "           05  REC-LEN   PIC 9(4) COMP.\n"
                   "           05  NAME      PIC X(4).\n"
                   "           05  AMT       PIC S9(3)V99.\n"
                   "           05  N         PIC 9.\n"
                   "           05  TAGS OCCURS 0 TO 5 TIMES DEPENDING ON N PIC X(2).\n")
    body1 = e("ABCD") + zoned(1234, 5, negative=True) + zoned(2, 1) + e("XXYY")
    body2 = e("WXYZ") + zoned(5, 5) + zoned(0, 1)
    data = tmp / "lf.bin"
    data.write_bytes(struct.pack(">H", len(body1)) + body1 + struct.pack(">H", len(body2)) + body2)
    base = ["convert", "--no-progress", "--copybook", str(cpy), "--input", str(data),
            "--recfm", "LENGTH-FIELD", "--length-field", "REC-LEN"]
    rows = rows_of(run(mfbridge, *base, "--length-adjust", "2"))
    assert len(rows) == 2, rows
    assert rows[0]["NAME"] == "ABCD" and rows[0]["AMT"] == Decimal("-12.34"), rows[0]
    assert rows[0]["TAGS"] == ["XX", "YY"], rows[0]
    assert rows[1]["NAME"] == "WXYZ" and rows[1]["AMT"] == Decimal("0.05"), rows[1]
    assert rows[1]["TAGS"] == [], rows[1]
    assert rows[0]["REC-LEN"] == Decimal(len(body1)), rows[0]
    # without the adjustment the first record is cut 2 bytes short: not silently accepted
    assert run(mfbridge, *base).returncode != 0
    # a field that is not numeric, or not in the copybook, is a usage error naming it
    bad = run(mfbridge, *base[:-1], "NAME")
    assert bad.returncode == 1 and "NAME" in bad.stderr and "not numeric" in bad.stderr, bad.stderr
    bad = run(mfbridge, *base[:-1], "NOPE")
    assert bad.returncode == 1 and "NOPE" in bad.stderr, bad.stderr
    # a field after the ODO table moves with the data
    bad = run(mfbridge, *base[:-1], "TAGS")
    assert bad.returncode == 1, bad.stderr


def check_odo(mfbridge, tmp):
    cpy = tmp / "odo.cpy"
    cpy.write_text("       01  ODOREC.\n"
                   "           05  ID        PIC X(3).\n"
                   "           05  CNT       PIC 9(2).\n"
                   "           05  ITEMS OCCURS 0 TO 3 TIMES DEPENDING ON CNT.\n"
                   "               10  QTY   PIC S9(3)V9 COMP-3.\n"
                   "               10  CODE  PIC X(2).\n")
    # 5-byte header, then CNT items of 3 (packed S9(3)V9) + 2 bytes
    recs = [e("AAA") + zoned(0, 2),
            e("BBB") + zoned(1, 2) + packed(1234, 5, negative=True) + e("P1"),
            e("CCC") + zoned(3, 2) + packed(1, 5) + e("Q1") + packed(9999, 5) + e("Q2")
            + packed(500, 5, negative=True) + e("Q3")]
    assert [len(r) for r in recs] == [5, 10, 20]
    data = tmp / "odo.bin"
    data.write_bytes(b"".join(recs))
    base = ["convert", "--no-progress", "--copybook", str(cpy), "--recfm", "ODO", "--input"]
    rows = rows_of(run(mfbridge, *base, str(data)))
    assert [r["ID"] for r in rows] == ["AAA", "BBB", "CCC"], rows
    assert [r["CNT"] for r in rows] == [0, 1, 3], rows
    assert rows[0]["ITEMS"] == [], rows[0]
    assert rows[1]["ITEMS"] == [{"QTY": Decimal("-123.4"), "CODE": "P1"}], rows[1]
    assert rows[2]["ITEMS"] == [{"QTY": Decimal("0.1"), "CODE": "Q1"},
                                {"QTY": Decimal("999.9"), "CODE": "Q2"},
                                {"QTY": Decimal("-50.0"), "CODE": "Q3"}], rows[2]
    # a count above OCCURS 3: the error names the counter and the record is not decoded
    bad_data = tmp / "bad.bin"
    bad_data.write_bytes(recs[0] + e("DDD") + zoned(4, 2) + bytes(20))
    bad = run(mfbridge, *base, str(bad_data))
    assert bad.returncode == 2, (bad.returncode, bad.stderr)
    assert "CNT" in bad.stderr and "outside 0 to 3" in bad.stderr, bad.stderr
    # inspect frames the same way: record 3 starts with CCC (C3 C3 C3)
    ins = run(mfbridge, "inspect", "--copybook", str(cpy), "--recfm", "ODO", "--input",
              str(data), "--record-number", "3")
    assert ins.returncode == 0 and "C3 C3 C3" in ins.stdout, ins.stdout + ins.stderr
    # nested ODO: each outer element carries its own inner counter, and the record ends
    # where its last counted element ends (IBM's compact layout of the data)
    nested = tmp / "nested.cpy"
    nested.write_text("       01  NREC.\n"
                      "           05  N1   PIC 9.\n"
                      "           05  OUTER OCCURS 1 TO 2 TIMES DEPENDING ON N1.\n"
                      "               10  N2   PIC 9.\n"
                      "               10  INNER OCCURS 0 TO 2 TIMES DEPENDING ON N2 PIC X.\n"
                      "           05  LAST PIC X.\n")
    nested_data = tmp / "nested.bin"
    nested_data.write_bytes(e("22AB0Z") + e("11CY"))
    got = rows_of(run(mfbridge, "convert", "--no-progress", "--copybook", str(nested),
                      "--recfm", "ODO", "--input", str(nested_data)))
    assert got == [{"N1": 2, "OUTER": [{"N2": 2, "INNER": ["A", "B"]}, {"N2": 0, "INNER": []}], "LAST": "Z"},
                   {"N1": 1, "OUTER": [{"N2": 1, "INNER": ["C"]}], "LAST": "Y"}], got
    # a counter that is not numeric is refused (by the copybook's rules) with a clear message
    text_counter = tmp / "text_counter.cpy"
    text_counter.write_text("       01  TREC.\n"
                            "           05  N   PIC X.\n"
                            "           05  T OCCURS 0 TO 2 TIMES DEPENDING ON N PIC X.\n")
    bad = run(mfbridge, "convert", "--no-progress", "--copybook", str(text_counter), "--recfm", "ODO",
              "--input", str(data))
    assert bad.returncode == 1 and "must be an integer numeric item" in bad.stderr, bad.stderr


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        check_length_field(mfbridge, tmp)
        check_odo(mfbridge, tmp)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
