#!/usr/bin/env python3
"""--occurs-map (Cobrix's occurs_mappings): an OCCURS DEPENDING ON whose object is a text
item, counted through a map from its value to an element count. No COBOL compiler accepts a
text ODO object, so the oracle is the byte layout itself: the records are built here field by
field (text through Python's cp037 codec, zoned digits F0-F9), and the expected rows are
written from the same values, never from mfbridge's output.
Usage: convert_occurs_map_test.py BUILD"""
import json
import struct
import subprocess
import sys
import tempfile
from pathlib import Path


def e(s):
    return s.encode("cp037")


def run(mfbridge, *args):
    return subprocess.run([str(mfbridge), *args], capture_output=True, text=True)


def rows_of(proc):
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


# The example: KIND 'A' -> 1 element, 'B' -> 3; the table sits at its maximum in F.
SIMPLE = ("       01 R.\n"
          "          05 KIND     PIC X(1).\n"
          "          05 ITEMS OCCURS 0 TO 5 TIMES DEPENDING ON KIND.\n"
          "             10 V     PIC 9(2).\n")
SIMPLE_MAP = '{"KIND": {"A": 1, "B": 3}}'

# A table with an item after it: in compact files (--recfm ODO, V) TAIL follows the counted
# elements, as IBM lays out a variably located item.
TAILED = ("       01 T.\n"
          "          05 KIND     PIC X(3).\n"
          "          05 ITEMS OCCURS 0 TO 4 TIMES DEPENDING ON KIND.\n"
          "             10 V     PIC 9(2).\n"
          "          05 TAIL     PIC X(2).\n")
TAILED_MAP = "KIND=ONE:1,TWO:2,NIL:0"
TAILED_VALUES = [("ONE", [7], "ZZ"), ("TWO", [1, 2], "YY"), ("NIL", [], "XX")]


def tailed_record(kind, values, tail):
    return e(kind) + b"".join(e("%02d" % v) for v in values) + e(tail)


def tailed_rows():
    return [{"KIND": k, "ITEMS": [{"V": v} for v in vs], "TAIL": t} for k, vs, t in TAILED_VALUES]


def check_fixed(mfbridge, tmp):
    cpy = tmp / "r.cpy"
    cpy.write_text(SIMPLE)
    # 11-byte records: KIND, then five 2-byte elements of which KIND's count are used
    data = tmp / "f.bin"
    data.write_bytes(e("A") + e("07") + e("00") * 4 + e("B") + e("010203") + e("00") * 2)
    base = ["convert", "--no-progress", str(cpy), "--input", str(data)]
    want = [{"KIND": "A", "ITEMS": [{"V": 7}]}, {"KIND": "B", "ITEMS": [{"V": 1}, {"V": 2}, {"V": 3}]}]
    assert rows_of(run(mfbridge, *base, "--occurs-map", SIMPLE_MAP)) == want
    # the short form, a JSON file, and a name in another case with '_' for '-' all agree
    assert rows_of(run(mfbridge, *base, "--occurs-map", "kind=A:1,B:3")) == want
    map_file = tmp / "map.json"
    map_file.write_text(SIMPLE_MAP)
    assert rows_of(run(mfbridge, *base, "--occurs-map", str(map_file))) == want
    # without a map the copybook is refused as IBM refuses it, and the message names the option
    bad = run(mfbridge, *base)
    assert bad.returncode == 1 and "--occurs-map" in bad.stderr, bad.stderr
    # layout lists the table once the map names its object
    lay = run(mfbridge, "layout", str(cpy), "--occurs-map", "KIND=A:1")
    assert lay.returncode == 0 and "DEPENDING ON KIND" in lay.stdout.upper(), lay.stdout + lay.stderr
    assert run(mfbridge, "layout", str(cpy)).returncode == 1
    # CSV: the unused elements are empty cells
    csv = run(mfbridge, *base, "--occurs-map", SIMPLE_MAP, "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    assert csv.stdout.splitlines()[1:] == ["A,7,,,,", "B,1,2,3,,"], csv.stdout
    return cpy, data


def check_missing_value(mfbridge, tmp, cpy):
    # 'C' is not in the map: a bad record (never 0 elements), counted and named with its
    # file, record number, offset, field and value; 'B' maps to 9, past OCCURS 5: bad too
    data = tmp / "missing.bin"
    recs = [e("A") + e("07") + e("00") * 4, e("C") + e("00") * 5, e("B") + e("010203") + e("00") * 2]
    data.write_bytes(b"".join(recs))
    base = ["convert", "--no-progress", str(cpy), "--input", str(data), "--occurs-map"]
    failed = run(mfbridge, *base, SIMPLE_MAP)
    assert failed.returncode == 2, (failed.returncode, failed.stderr)
    line = next(l for l in failed.stderr.splitlines() if "'C'" in l)
    assert "missing.bin: record 2 (file offset 11)" in line and "R.KIND at offset 0" in line, line
    assert "KIND holds 'C'" in line, line
    skipped = run(mfbridge, *base, SIMPLE_MAP, "--on-error", "skip")
    assert [r["KIND"] for r in rows_of(skipped)] == ["A", "B"], skipped.stdout
    assert "3 records read, 2 written, 1 rejected" in skipped.stderr, skipped.stderr
    over = run(mfbridge, *base, '{"KIND": {"A": 1, "B": 3, "C": 9}}', "--on-error", "skip")
    assert [r["KIND"] for r in rows_of(over)] == ["A", "B"], over.stdout
    assert "count 9 outside 0 to 5" in over.stderr, over.stderr
    # hostile maps are usage errors that name the part at fault
    for spec, words in [('{"NOPE": {"A": 1}}', "NOPE"),
                        ('{"ITEMS": {"A": 1}}', "ITEMS is not the DEPENDING ON object"),
                        ('{"KIND": {"A": 1.5}}', "'1.5'"),
                        ('{"KIND": {"A": -1}}', "'-1'"),
                        ('{"KIND": {"A": "1"}}', "must be a number"),
                        ('{"KIND": [1]}', "object of values"),
                        ('"KIND"', "object of fields"),
                        ('{"KIND": {"A": 1, "A ": 2}}', "given twice"),
                        ('{"KIND": {}}', "lists no values"),
                        ("KIND=A", "not VALUE:COUNT"),
                        ("no-such-file.json", "no such file")]:
        bad = run(mfbridge, *base, spec)
        assert bad.returncode == 1 and words in bad.stderr, (spec, bad.returncode, bad.stderr)
    twice = run(mfbridge, *base, SIMPLE_MAP, "--occurs-map", "KIND=A:2")
    assert twice.returncode == 1 and "mapped twice" in twice.stderr, twice.stderr
    numeric = tmp / "numeric.cpy"
    numeric.write_text(SIMPLE.replace("PIC X(1)", "PIC 9(1)"))
    bad = run(mfbridge, "convert", "--no-progress", str(numeric), "--input", str(data),
              "--occurs-map", SIMPLE_MAP)
    assert bad.returncode == 1 and "numeric DEPENDING ON object" in bad.stderr, bad.stderr


def check_compact(mfbridge, tmp):
    cpy = tmp / "t.cpy"
    cpy.write_text(TAILED)
    recs = [tailed_record(*v) for v in TAILED_VALUES]
    assert [len(r) for r in recs] == [7, 9, 5]
    odo = tmp / "odo.bin"
    odo.write_bytes(b"".join(recs))
    base = ["convert", "--no-progress", str(cpy), "--occurs-map", TAILED_MAP, "--input"]
    assert rows_of(run(mfbridge, *base, str(odo), "--recfm", "ODO")) == tailed_rows()
    # a V file (big-endian RDW counting itself): the same rows
    v = tmp / "v.bin"
    v.write_bytes(b"".join(struct.pack(">HH", len(r) + 4, 0) + r for r in recs))
    assert rows_of(run(mfbridge, *base, str(v), "--recfm", "V")) == tailed_rows()
    # Cobrix's variable_size_occurs=true on a fixed-format file is --recfm ODO
    cobrix = run(mfbridge, "convert", "--no-progress", str(cpy), "--input", str(odo),
                 "--cobrix-option", "variable_size_occurs=true",
                 "--cobrix-option", 'occurs_mappings={"KIND": {"ONE": 1, "TWO": 2, "NIL": 0}}')
    assert rows_of(cobrix) == tailed_rows()
    # framing by the counters: a value the map lacks stops the framing with its name
    short = run(mfbridge, "convert", "--no-progress", str(cpy), "--occurs-map", "KIND=ONE:1,TWO:2",
                "--input", str(odo), "--recfm", "ODO")
    assert short.returncode == 2 and "KIND holds 'NIL'" in short.stderr, short.stderr
    # inspect frames and counts the same way: record 2 has two elements, then TAIL at 7
    ins = run(mfbridge, "inspect", str(cpy), "--occurs-map", TAILED_MAP, "--recfm", "ODO",
              "--input", str(odo), "--record-number", "2")
    assert ins.returncode == 0, ins.stderr
    assert "T.ITEMS.V(2)" in ins.stdout and "T.ITEMS.V(3)" not in ins.stdout, ins.stdout
    assert any(l.startswith("T.TAIL") and " 7 " in l for l in ins.stdout.splitlines()), ins.stdout
    return cpy, odo


def check_cobrix_option(mfbridge, tmp, cpy, data):
    want = [{"KIND": "A", "ITEMS": [{"V": 7}]}, {"KIND": "B", "ITEMS": [{"V": 1}, {"V": 2}, {"V": 3}]}]
    for name in ("occurs_mappings", "occurs_mapping"):
        got = run(mfbridge, "convert", "--no-progress", str(cpy), "--input", str(data),
                  "--cobrix-option", name + "=" + SIMPLE_MAP)
        assert rows_of(got) == want, (name, got.stderr)
    bad = run(mfbridge, "convert", "--no-progress", str(cpy), "--input", str(data),
              "--cobrix-option", "occurs_mappings=KIND=A:1")
    assert bad.returncode == 1 and "occurs_mappings" in bad.stderr, bad.stderr


def check_nested(mfbridge, tmp):
    # The outer count comes from a text item in another group; each outer element carries
    # its own text counter for the inner table (nested ODO, compact records).
    cpy = tmp / "nested.cpy"
    cpy.write_text("       01 NREC.\n"
                   "          05 HDR.\n"
                   "             10 HOW-MANY PIC X(3).\n"
                   "          05 BODY.\n"
                   "             10 OUTER OCCURS 1 TO 3 TIMES DEPENDING ON HOW-MANY.\n"
                   "                15 SUB   PIC X.\n"
                   "                15 INNER OCCURS 0 TO 2 TIMES DEPENDING ON SUB PIC X.\n"
                   "          05 LAST     PIC X.\n")
    mapping = tmp / "nested.json"
    mapping.write_text('{"how_many": {"ONE": 1, "TWO": 2},\n "SUB": {"N": 0, "S": 1, "D": 2}}')
    data = tmp / "nested.bin"
    data.write_bytes(e("TWO") + e("DAB") + e("N") + e("Z") + e("ONE") + e("SC") + e("Y"))
    got = rows_of(run(mfbridge, "convert", "--no-progress", str(cpy), "--recfm", "ODO",
                      "--occurs-map", str(mapping), "--input", str(data)))
    assert got == [{"HDR": {"HOW-MANY": "TWO"},
                    "BODY": {"OUTER": [{"SUB": "D", "INNER": ["A", "B"]}, {"SUB": "N", "INNER": []}]},
                    "LAST": "Z"},
                   {"HDR": {"HOW-MANY": "ONE"}, "BODY": {"OUTER": [{"SUB": "S", "INNER": ["C"]}]},
                    "LAST": "Y"}], got


def check_counter_in_group(mfbridge, tmp):
    # --recfm ODO with a counter (numeric or text) inside a group no counter resizes: the
    # counter sits at its offset in that group (the walk used to refuse it as not laid out)
    for pic, spec, count_text in [("9", [], "2"), ("X", ["--occurs-map", "HM=TWO:2"], "TWO")]:
        width = len(count_text)
        cpy = tmp / ("group_counter_%s.cpy" % pic)
        cpy.write_text("       01 GREC.\n"
                       "          05 HDR.\n"
                       "             10 HM PIC %s(%d).\n"
                       "          05 BODY.\n"
                       "             10 CELLS OCCURS 1 TO 3 TIMES DEPENDING ON HM PIC X.\n" % (pic, width))
        data = tmp / ("group_counter_%s.bin" % pic)
        data.write_bytes(e(count_text + "AB") * 2)
        got = rows_of(run(mfbridge, "convert", "--no-progress", str(cpy), "--recfm", "ODO", *spec,
                          "--input", str(data)))
        value = 2 if pic == "9" else count_text
        assert got == [{"HDR": {"HM": value}, "BODY": {"CELLS": ["A", "B"]}}] * 2, got


def check_load_export(mfbridge, tmp, cpy, data):
    # a SQLite load keeps the map in its catalog: export (which reopens the dataset from the
    # catalog) writes the same bytes back, and reconcile agrees; sqlite3 sees the elements
    db = tmp / "occurs.db"
    load = run(mfbridge, "load", str(cpy), "--occurs-map", SIMPLE_MAP, "--table", "r",
               "--input", str(data), "--target", "sqlite:" + str(db), "--no-progress")
    assert load.returncode == 0, load.stderr
    out = tmp / "exported.bin"
    export = run(mfbridge, "export", "--target", "sqlite:" + str(db), "--dataset", "r",
                 "--output", str(out))
    assert export.returncode == 0, export.stderr
    assert out.read_bytes() == data.read_bytes()
    rec = run(mfbridge, "reconcile", "--target", "sqlite:" + str(db), "--dataset", "r")
    assert rec.returncode == 0, rec.stdout + rec.stderr
    import sqlite3
    with sqlite3.connect(str(db)) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        items = [n for n in names if "items" in n]
        assert items, names
        assert con.execute("SELECT COUNT(*) FROM " + items[0]).fetchone()[0] == 4, items


def check_round_trip(mfbridge, tmp, cpy, odo):
    # encode writes the rows back to the same bytes (the count through the map)
    rows = tmp / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in tailed_rows()))
    out = tmp / "back.bin"
    enc = run(mfbridge, "encode", str(cpy), "--occurs-map", TAILED_MAP, "--recfm", "ODO",
              "--input", str(rows), "--output", str(out))
    assert enc.returncode == 0, enc.stderr
    assert out.read_bytes() == odo.read_bytes()
    # without KIND the value is the one whose count is the table's length; two such values,
    # or a value the map lacks, is an error that names the field
    lines = tmp / "nokind.jsonl"
    lines.write_text('{"ITEMS": [{"V": 5}, {"V": 6}], "TAIL": "QQ"}\n')
    enc = run(mfbridge, "encode", str(cpy), "--occurs-map", TAILED_MAP, "--recfm", "ODO",
              "--input", str(lines), "--output", str(out))
    assert enc.returncode == 0, enc.stderr
    assert out.read_bytes() == e("TWO0506QQ")
    enc = run(mfbridge, "encode", str(cpy), "--occurs-map", TAILED_MAP + ",DUO:2", "--recfm", "ODO",
              "--input", str(lines), "--output", str(out))
    assert enc.returncode != 0 and "T.KIND" in enc.stderr and "'DUO'" in enc.stderr, enc.stderr
    lines.write_text('{"KIND": "SIX", "ITEMS": [], "TAIL": "QQ"}\n')
    enc = run(mfbridge, "encode", str(cpy), "--occurs-map", TAILED_MAP, "--recfm", "ODO",
              "--input", str(lines), "--output", str(out))
    assert enc.returncode != 0 and "T.KIND" in enc.stderr and "'SIX'" in enc.stderr, enc.stderr


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cpy, data = check_fixed(mfbridge, tmp)
        check_missing_value(mfbridge, tmp, cpy)
        check_cobrix_option(mfbridge, tmp, cpy, data)
        check_load_export(mfbridge, tmp, cpy, data)
        tailed, odo = check_compact(mfbridge, tmp)
        check_nested(mfbridge, tmp)
        check_counter_in_group(mfbridge, tmp)
        check_round_trip(mfbridge, tmp, tailed, odo)
    print("ok")


if __name__ == "__main__":
    main()
