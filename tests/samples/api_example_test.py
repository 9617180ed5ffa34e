#!/usr/bin/env python3
"""The C++ API example (samples/api/convert_and_load.cpp, built as BUILD/samples/
convert_and_load) run on the taxpayer sample, and checked against oracles that are not
mfbridge:
- the record count is the file's size over the record length (369 bytes, RECFM FB);
- each JSON line's TP-TAX-REF, TP-STATUS and TP-SURNAME are the record's bytes 1-10, 12
  and 13-42 through Python's cp037 codec (trailing spaces removed, as the canonical
  record does), and TP-REGION-CODE is bytes 2 at its offset as a signed big-endian COMP;
- the SQLite table, read with Python's sqlite3, holds the same keys, one row per record.
A record count, a key or a name in the wrong place fails the test.

Usage: api_example_test.py BUILD_DIR  (run from the repository root)
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))

from script_checks import check, finish  # noqa: E402

LRECL = 369
COPYBOOK = "samples/taxpayer/TAXPAYER.cpy"
DATA = "samples/taxpayer/TAXPAYER.D20261120"


def expected_records():
    raw = open(DATA, "rb").read()
    check(len(raw) % LRECL == 0, f"{DATA} is a whole number of {LRECL}-byte records")
    return [raw[i:i + LRECL] for i in range(0, len(raw), LRECL)]


def region_offset():
    # TP-KEY 11, TP-STATUS 1, TP-NAME 60, TP-DATE-OF-BIRTH 8, TP-ADDRESS 4*35+8 = 148
    return 11 + 1 + 60 + 8 + 148


def main():
    example = os.path.join(sys.argv[1] if len(sys.argv) > 1 else "build", "samples", "convert_and_load")
    records = expected_records()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "taxpayer.jsonl")
        db = os.path.join(tmp, "taxpayer.db")
        run = subprocess.run([example, COPYBOOK, DATA, out, "sqlite:" + db, "taxpayer"],
                             capture_output=True, text=True, timeout=120)
        check(run.returncode == 0, f"the example exits 0 (got {run.returncode}: {run.stderr[-300:]})")
        check(run.stdout == f"{len(records)} records converted, {len(records)} loaded\n",
              f"it reports {len(records)} records both ways: {run.stdout!r}")
        lines = open(out, encoding="utf-8").read().splitlines() if os.path.exists(out) else []
        check(len(lines) == len(records), f"{len(records)} JSON lines (got {len(lines)})")
        mismatches = 0
        off = region_offset()
        for rec, line in zip(records, lines):
            obj = json.loads(line)
            want_ref = rec[0:10].decode("cp037")
            want_status = rec[11:12].decode("cp037")
            want_surname = rec[12:42].decode("cp037").rstrip(" ")
            want_region = int.from_bytes(rec[off:off + 2], "big", signed=True)
            got = (obj["TP-KEY"]["TP-TAX-REF"], obj["TP-STATUS"], obj["TP-NAME"]["TP-SURNAME"],
                   obj["TP-REGION-CODE"])
            if got != (want_ref, want_status, want_surname, want_region):
                mismatches += 1
                if mismatches <= 3:
                    print(f"  record {want_ref}: got {got}, want {(want_ref, want_status, want_surname, want_region)}")
        check(mismatches == 0, f"every record's key, status, surname and region match cp037/COMP ({mismatches} differ)")
        con = sqlite3.connect(db)
        keys = [r[0] for r in con.execute("SELECT tp_tax_ref FROM taxpayer ORDER BY mfb_record_no")]
        con.close()
        check(keys == [rec[0:10].decode("cp037") for rec in records],
              f"the SQLite table holds every record's key in order ({len(keys)} rows)")
    sys.exit(finish())


if __name__ == "__main__":
    main()
