#!/usr/bin/env python3
"""Bytes after the last described field make a bad record, in convert, load and inspect:
an ODO count that ends the record early, an RDW longer than the layout, a TEXT line with
extra characters, a length field past the layout; under each policy (fail, skip, reject) and
with --allow-trailing-bytes (passed over, counted in --summary-json). The files are built
here from IBM's rules (cp037 text through Python's codec, RDW = 2-byte big-endian length
counting itself + 00 00), so offsets and counts come from Python, not from mfbridge.
Usage: undescribed_bytes_test.py BUILD"""
import json
import sqlite3
import struct
import subprocess
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from script_checks import check, finish  # noqa: E402

ODO_CPY = ("       01  ODOREC.\n"
           "           05  ID     PIC X(3).\n"
           "           05  N      PIC 9.\n"
           "           05  ITEMS  OCCURS 1 TO 3 TIMES DEPENDING ON N PIC X(2).\n")
FLAT_CPY = ("       01  TXTREC.\n"
            "           05  NAME   PIC X(3).\n"
            "           05  AMT    PIC 9(2).\n")
LEN_CPY = ("       01  LENREC.\n"
           "           05  LEN    PIC 9(4) COMP.\n"
           "           05  NAME   PIC X(4).\n")
MULTI_CPY = ("       01  SHORTREC.\n"
             "           05  S-TYPE PIC X.\n"
             "           05  S-VAL  PIC X(4).\n"
             "       01  LONGREC.\n"
             "           05  L-TYPE PIC X.\n"
             "           05  L-VAL  PIC X(9).\n")


def e(text):
    return text.encode("cp037")


def v_file(records):
    """Variable records: RDW (length including itself, big-endian) + data; also each
    record's (RDW offset, data offset, bytes with RDW)."""
    out, places = b"", []
    for r in records:
        rdw = struct.pack(">HH", len(r) + 4, 0)
        places.append((len(out), len(out) + 4, rdw + r))
        out += rdw + r
    return out, places


class case:
    """One file with one bad record (the second), and how to read it."""

    def __init__(self, name, cpy, data, bad_slice, bad_data_offset, described, extra, args,
                 good_ids, field):
        self.name, self.cpy, self.data = name, cpy, data
        self.bad_slice = bad_slice          # the bad record's bytes as the reject file keeps them
        self.bad_data_offset = bad_data_offset
        self.described, self.extra = described, extra
        self.args, self.good_ids, self.field = args, good_ids, field


def cases():
    odo, p = v_file([e("AAA2XXYY"), e("BBB1XXZZZZ"), e("CCC3XXYYZZ")])
    yield case("odo", ODO_CPY, odo, p[1][2], p[1][1], 6, 4, ["--recfm", "V"],
               ["AAA", "CCC"], "ID")
    rdw, p = v_file([e("AAA2XXYY"), e("DDD3XXYYZZQQ"), e("CCC3XXYYZZ")])
    yield case("rdw", ODO_CPY, rdw, p[1][2], p[1][1], 10, 2, ["--recfm", "V"],
               ["AAA", "CCC"], "ID")
    text = b"ABC12\nDEF34XYZ\nGHI56\n"
    yield case("text", FLAT_CPY, text, b"DEF34XYZ\n", 6, 5, 3,
               ["--recfm", "TEXT", "--codepage", "latin1", "--zoned", "ascii"],
               ["ABC", "GHI"], "NAME")


def length_field_case():
    recs = [struct.pack(">H", 6) + e("AAAA"), struct.pack(">H", 9) + e("BBBBQQQ"),
            struct.pack(">H", 6) + e("CCCC")]
    data = b"".join(recs)
    return case("length-field", LEN_CPY, data, recs[1], 6, 6, 3,
                ["--recfm", "LENGTH-FIELD", "--length-field", "LEN"], ["AAAA", "CCCC"], "NAME")


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def message_pattern(c):
    return (f"record 2 (file offset {c.bad_data_offset}): undescribed bytes: the record has "
            f"{c.described + c.extra} bytes but its layout describes {c.described}; "
            f"{c.extra} undescribed bytes from record offset {c.described} (file offset "
            f"{c.bad_data_offset + c.described};")


def check_convert(mfbridge, tmp, c):
    cpy, data = tmp / f"{c.name}.cpy", tmp / f"{c.name}.dat"
    cpy.write_text(c.cpy)
    data.write_bytes(c.data)
    base = ["convert", "--no-progress", "--copybook", cpy, "--input", data, *c.args]
    summary = tmp / f"{c.name}.summary.json"
    # fail: stops at record 2, having written record 1.
    p = run(mfbridge, *base, "--on-error", "fail", "--summary-json", summary)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    check(p.returncode == 2, f"convert {c.name} fail: exit 2 (got {p.returncode})")
    check(message_pattern(c) in p.stderr,
          f"convert {c.name} fail: names record, offsets and {c.extra} bytes: {p.stderr.strip()}")
    check([r[c.field] for r in rows] == c.good_ids[:1], f"convert {c.name} fail: only record 1 out")
    # skip: counted, left out.
    p = run(mfbridge, *base, "--on-error", "skip", "--summary-json", summary)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    s = json.loads(summary.read_text())
    check(p.returncode == 0 and [r[c.field] for r in rows] == c.good_ids,
          f"convert {c.name} skip: exit 0, records 1 and 3 out ({p.returncode}, {rows})")
    check(s["records_read"] == 3 and s["records_written"] == 2 and s["records_rejected"] == 1 and
          s["rejected_by_reason"] == {"undescribed bytes": 1},
          f"convert {c.name} skip: summary counts the bad record: {s}")
    check(message_pattern(c) in p.stderr, f"convert {c.name} skip: message")
    # reject: the reject file holds exactly the bad record's bytes.
    rej = tmp / f"{c.name}.rej"
    p = run(mfbridge, *base, "--on-error", "reject", "--reject-file", rej)
    check(p.returncode == 0, f"convert {c.name} reject: exit 0 ({p.returncode})")
    check(rej.read_bytes() == c.bad_slice,
          f"convert {c.name} reject: reject file = the bad record's bytes ({rej.read_bytes()!r})")
    log = [json.loads(l) for l in Path(str(rej) + ".errors.jsonl").read_text().splitlines()]
    check(len(log) == 1 and log[0]["record"] == 2 and log[0]["file_offset"] == c.bad_data_offset
          and log[0]["field_offset"] == c.described and log[0]["field_length"] == c.extra,
          f"convert {c.name} reject: the log gives record, offset and length: {log}")
    # allowed: all three out, the bytes counted.
    p = run(mfbridge, *base, "--allow-trailing-bytes", "--summary-json", summary)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    s = json.loads(summary.read_text())
    check(p.returncode == 0 and len(rows) == 3,
          f"convert {c.name} --allow-trailing-bytes: exit 0, 3 records ({p.returncode})")
    check(s.get("undescribed_records") == 1 and s.get("undescribed_bytes") == c.extra,
          f"convert {c.name} --allow-trailing-bytes: summary counts 1 record, {c.extra} bytes: {s}")


def check_load(mfbridge, tmp, c):
    cpy, data = tmp / f"{c.name}.cpy", tmp / f"{c.name}.dat"
    summary = tmp / f"{c.name}.load.json"
    for policy in ("fail", "skip", "reject"):
        db = tmp / f"{c.name}-{policy}.db"
        rej = tmp / f"{c.name}-{policy}.load.rej"
        extra = ["--reject-file", rej] if policy == "reject" else []
        p = run(mfbridge, "load", "--no-progress", "--copybook", cpy, "--input", data, *c.args,
                "--target", f"sqlite:{db}", "--table", "t", "--on-error", policy,
                "--summary-json", summary, *extra)
        check(message_pattern(c) in p.stderr, f"load {c.name} {policy}: message: {p.stderr.strip()}")
        if policy == "fail":
            check(p.returncode == 2, f"load {c.name} fail: exit 2 ({p.returncode})")
            continue
        check(p.returncode == 0, f"load {c.name} {policy}: exit 0 ({p.returncode})")
        s = json.loads(summary.read_text())
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT count(*) FROM t").fetchone()[0]
        check(s["records_read"] == 3 and s["records_rejected"] == 1 and
              rows + s["records_rejected"] == s["records_read"],
              f"load {c.name} {policy}: rows {rows} + rejects = records read: {s}")
        if policy == "reject":
            # As convert: the reject file holds the bad record's bytes, its log beside it.
            check(rej.read_bytes() == c.bad_slice,
                  f"load {c.name} reject: reject file = the bad record's bytes ({rej.read_bytes()!r})")
            log = [json.loads(l) for l in Path(str(rej) + ".errors.jsonl").read_text().splitlines()]
            check([r["record"] for r in log] == [2], f"load {c.name} reject: record 2 rejected")
    db = tmp / f"{c.name}-allow.db"
    p = run(mfbridge, "load", "--no-progress", "--copybook", cpy, "--input", data, *c.args,
            "--target", f"sqlite:{db}", "--table", "t", "--allow-trailing-bytes",
            "--summary-json", summary)
    s = json.loads(summary.read_text()) if p.returncode == 0 else {}
    check(s.get("records_loaded") == 3 and s.get("undescribed_records") == 1 and
          s.get("undescribed_bytes") == c.extra,
          f"load {c.name} --allow-trailing-bytes: 3 loaded, bytes counted: {p.stderr.strip()} {s}")


def check_inspect(mfbridge, tmp, c):
    p = run(mfbridge, "inspect", "--copybook", tmp / f"{c.name}.cpy", "--input",
            tmp / f"{c.name}.dat", *c.args, "--record-number", "2")
    check(p.returncode == 2 and f"{c.extra} undescribed bytes" in p.stdout,
          f"inspect {c.name}: shows the {c.extra} undescribed bytes (exit {p.returncode})")


def check_select(mfbridge, tmp):
    # The maximum is per selected record type: a 7-byte S record has 2 undescribed bytes
    # although the other type is 10 bytes long; a 10-byte L record is whole.
    cpy = tmp / "multi.cpy"
    cpy.write_text(MULTI_CPY)
    data, p = v_file([e("SABCD"), e("SABCDXY"), e("L123456789")])
    path = tmp / "multi.dat"
    path.write_bytes(data)
    r = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", path,
            "--recfm", "V", "--select", "S-TYPE=S:SHORTREC", "--select", "L-TYPE=L:LONGREC",
            "--on-error", "skip")
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    check(r.returncode == 0 and rows == [{"S-TYPE": "S", "S-VAL": "ABCD"},
                                         {"L-TYPE": "L", "L-VAL": "123456789"}],
          f"select: the short type's long record is left out ({rows})")
    check(f"record 2 (file offset {p[1][1]}): undescribed bytes" in r.stderr and
          "2 undescribed bytes from record offset 5" in r.stderr,
          f"select: 2 undescribed bytes of SHORTREC: {r.stderr.strip()}")
    # A shorter record stays as it was: its missing field is its own error.
    data, _ = v_file([e("SAB")])
    path.write_bytes(data)
    r = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", path,
            "--recfm", "V", "--select", "S-TYPE=S:SHORTREC", "--select", "L-TYPE=L:LONGREC")
    check(r.returncode == 2 and "record too short" in r.stderr,
          f"select: a short record is still 'record too short': {r.stderr.strip()}")


def check_fixed_odo(mfbridge, tmp):
    # RECFM F: every record is the layout's maximum length (IBM writes the table's unused
    # area too), so a short ODO count leaves no undescribed bytes; bytes past the maximum
    # (an LRECL longer than the layout) still are.
    cpy, path = tmp / "fixed.cpy", tmp / "fixed.dat"
    cpy.write_text(ODO_CPY)
    path.write_bytes(e("AAA1XX    ") + e("BBB3XXYYZZ"))
    for args in (["--recfm", "F", "--lrecl", "10"], ["--recfm", "F"]):
        r = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", path, *args)
        rows = [json.loads(l) for l in r.stdout.splitlines()]
        check(r.returncode == 0 and [row["ITEMS"] for row in rows] == [["XX"], ["XX", "YY", "ZZ"]],
              f"fixed ODO {args}: the unused table area is part of the record ({r.stderr.strip()})")
    path.write_bytes(e("AAA1XX    QQ") + e("BBB3XXYYZZQQ"))
    r = run(mfbridge, "convert", "--no-progress", "--copybook", cpy, "--input", path,
            "--recfm", "F", "--lrecl", "12")
    check(r.returncode == 2 and "record 1 (file offset 0): undescribed bytes: the record has 12 "
          "bytes but its layout describes 10; 2 undescribed bytes from record offset 10" in r.stderr,
          f"fixed ODO, LRECL past the layout: 2 undescribed bytes ({r.stderr.strip()})")


def main():
    mfbridge = Path(sys.argv[1]).resolve() / "mfbridge"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for c in list(cases()) + [length_field_case()]:
            check_convert(mfbridge, tmp, c)
            if c.name != "length-field":  # datasets have no LENGTH-FIELD framing
                check_load(mfbridge, tmp, c)
            check_inspect(mfbridge, tmp, c)
        check_select(mfbridge, tmp)
        check_fixed_odo(mfbridge, tmp)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
