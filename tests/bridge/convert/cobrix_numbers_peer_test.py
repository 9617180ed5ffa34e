#!/usr/bin/env python3
"""Peer cases t24 and t40 (Cobrix's type-variety file): the numbers of the copybook-forms
slice match Cobrix's expected rows, compared as decimal values (how Spark prints them is
another matter). Run with --cobrix, IEEE floats and TRUNC(BIN) (Cobrix does not bound a
COMP value by its picture), as t24's options say; rows keyed by ID, nulls as 0 (Spark
na.fill(0)). Prints which numeric fields match in all expected rows; fails if any field of
SLICE_FIELDS does not. Usage: cobrix_numbers_peer_test.py BUILD"""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

PEER = Path(__file__).resolve().parents[3].parent / "shared" / "peer" / "cobrix"
CASES = [("t24_debug_columns", "test24_copybook.cob", "data/INTEGR.TYPES.NOV28.DATA.dat",
          "expected/test24.txt"),
         ("t40_compressed", "test40_copybook.cob", "data/example.dat", "expected/test40.txt")]

# What this slice decodes: S in edited pictures, sign symbols, 32-38 digit zoned and
# packed, binaries of 9-16 bytes.
SLICE_FIELDS = (["NUM_STR_EDEC0%d" % i for i in (3, 4, 5, 6)]
                + ["EX_NUM_INT0%d" % i for i in (1, 2, 3, 4)]
                + ["EX_NUM_DEC0%d" % i for i in (1, 2, 3)]
                + ["NUM_STR_INT14", "NUM_STR_SINT14", "NUM_BCD_INT14", "NUM_BCD_SINT14"]
                + ["NUM_BIN_INT1%d" % i for i in (2, 3, 4)]
                + ["NUM_SBIN_SINT1%d" % i for i in (2, 3, 4)]
                + ["NUM_BIN_DEC09", "NUM_BIN_DEC10", "NUM_SBIN_DEC09", "NUM_SBIN_DEC10"])


def as_decimal(v):
    if v is None:
        return Decimal(0)  # na.fill(0)
    if isinstance(v, (int, Decimal)):
        return Decimal(v)
    return None  # text: not a number column


def run_case(mfbridge, folder, cpy, data, expected):
    base = PEER / folder
    r = subprocess.run([str(mfbridge), "convert", "--no-progress", "--cobrix",
                        "--float-format", "ieee", "--trunc", "bin", "--on-error", "skip",
                        "--copybook", str(base / cpy), "--input", str(base / data)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    ours = {}
    for line in r.stdout.splitlines():
        row = json.loads(line, parse_float=Decimal)
        ours[row["ID"]] = {k.replace("-", "_"): v for k, v in row.items()}
    want_rows = [json.loads(line, parse_float=Decimal)
                 for line in (base / expected).read_text().splitlines() if line.strip()]
    fields = [k for k, v in want_rows[0].items()
              if not k.endswith("_debug") and as_decimal(v) is not None]
    matched, problems = [], []
    for name in fields:
        bad = []
        for want in want_rows:
            got = ours.get(want["ID"], {})
            if as_decimal(got.get(name)) != as_decimal(want.get(name)):
                bad.append("ID %s: %s != %s" % (want["ID"], got.get(name), want.get(name)))
        if bad:
            problems.append("%s: %s" % (name, bad[0]))
        else:
            matched.append(name)
    print("%s: %d of %d numeric fields match in all %d rows" % (folder, len(matched),
                                                                 len(fields), len(want_rows)))
    for p in problems:
        print("  differs  " + p)
    missing = [f for f in SLICE_FIELDS if f not in matched]
    return ["%s: %s does not match" % (folder, f) for f in missing]


def main():
    mfbridge = Path(sys.argv[1]) / "mfbridge"
    if not PEER.is_dir():
        print("SKIP: no peer suite at %s" % PEER)
        return 0
    failures = []
    for case in CASES:
        failures += run_case(mfbridge, *case)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
