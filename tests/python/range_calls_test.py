#!/usr/bin/env python3
"""mfbridge.splits(), convert_range(), load_split() and load_finish() from Python.

Oracles: the FB ranges by arithmetic (offsets on multiples of LRECL, first record
offset / LRECL + 1), the CLI's `mfbridge splits` JSON, a one-process `mfbridge convert`
(bytes) and `mfbridge load` into SQLite read back with the sqlite3 CLI. Errors must be the
CLI's failures with their attributes: a bad record inside a range names its global record
number and file offset, and leaves neither the part nor its .partial behind.

Usage: range_calls_test.py BUILD_DIR  (run from the repository root)
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
from load_support import sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402

MFB = os.path.join(python_package.BUILD, "mfbridge")
CPY = os.path.join(python_package.REPO, "samples", "taxpayer", "TAXPAYER.cpy")
DATA = os.path.join(python_package.REPO, "samples", "taxpayer", "TAXPAYER.D20261120")
OPTS = dict(codepage="cp285", recfm="FB")
LRECL, RECORDS = 369, 240


def expect_error(cls, what, call):
    try:
        call()
        check(False, f"{what}: raises {cls.__name__}")
        return None
    except cls as e:
        return e


def test_splits():
    plan = mfbridge.splits(DATA, copybook=CPY, target_size="20K", **OPTS)
    ranges = plan["ranges"]
    check(plan["records"] == RECORDS and plan["method"] == "arithmetic", f"plan: {plan['method']}")
    check(all(r["offset"] % LRECL == 0 and r["length"] % LRECL == 0 and
              r["first_record"] == r["offset"] // LRECL + 1 for r in ranges),
          "FB ranges sit on record boundaries and number their records from offset / LRECL + 1")
    check(sum(r["records"] for r in ranges) == RECORDS and
          all(a["offset"] + a["length"] == b["offset"] for a, b in zip(ranges, ranges[1:])),
          "the ranges cover every record once, in order")
    cli = subprocess.run([MFB, "splits", "--copybook", CPY, "--codepage", "cp285", "--recfm", "FB",
                          "--input", DATA, "--target-size", "20K"], capture_output=True, text=True)
    check(cli.returncode == 0 and json.loads(cli.stdout)["ranges"] == ranges,
          f"splits() gives the CLI's ranges: {cli.stderr}")
    e = expect_error(mfbridge.UsageError, "splits of a pipe",
                     lambda: mfbridge.splits("/dev/stdin", copybook=CPY, **OPTS))
    check(e is not None and "regular file" in str(e), f"a pipe cannot be split: {e}")
    e = expect_error(mfbridge.UsageError, "a bad size",
                     lambda: mfbridge.splits(DATA, copybook=CPY, target_size="12Q", **OPTS))
    check(e is not None and "12Q" in str(e), f"a bad target_size is named: {e}")
    return ranges


def test_convert_range(tmp, ranges):
    whole = subprocess.run([MFB, "convert", "--copybook", CPY, "--codepage", "cp285", "--input",
                            DATA, "--no-progress"], capture_output=True).stdout
    parts = []
    for r in ranges:
        out = os.path.join(tmp, f"part-{r['index']:03d}.jsonl")
        s = mfbridge.convert_range(DATA, range=r, copybook=CPY, output=out, **OPTS)
        check(s["records_written"] == r["records"], f"range {r['index']}: {s['records_written']} written")
        parts.append(open(out, "rb").read())
    check(b"".join(parts) == whole, "the parts concatenate to the one-process convert")
    bad = bytearray(open(DATA, "rb").read())
    victim = ranges[2]["first_record"] + 1  # the second record of range 2
    at = (victim - 1) * LRECL + 230  # TP-BALANCE, S9(9)V99 COMP-3 at offset 230
    bad[at] = 0xAB
    bad_path = os.path.join(tmp, "bad.dat")
    open(bad_path, "wb").write(bad)
    out = os.path.join(tmp, "bad-part.jsonl")
    e = expect_error(mfbridge.DataError, "a bad record in a range",
                     lambda: mfbridge.convert_range(bad_path, range=ranges[2], copybook=CPY,
                                                    output=out, **OPTS))
    check(e is not None and f"record {victim} (file offset {(victim - 1) * LRECL})" in str(e),
          f"the error names the global record and its offset: {e}")
    check(e is not None and (e.record, e.offset, e.field, e.field_offset, e.reason) ==
          (victim, (victim - 1) * LRECL, "TAXPAYER-MASTER.TP-BALANCE", 230, "invalid digit"),
          f"and carries them as attributes: {e and (e.record, e.offset, e.field, e.field_offset, e.reason)}")
    check(not os.path.exists(out) and not os.path.exists(out + ".partial"),
          "a failed range leaves neither its part nor its .partial")
    e = expect_error(mfbridge.UsageError, "no range",
                     lambda: mfbridge.convert_range(DATA, range=None, copybook=CPY, output=out))
    check(e is not None and "range" in str(e), f"range= is required: {e}")
    e = expect_error(mfbridge.UsageError, "an unknown option",
                     lambda: mfbridge.convert_range(DATA, range=ranges[0], copybook=CPY,
                                                    output=out, formt="csv"))
    check(e is not None and "formt" in str(e), f"an unknown option is named: {e}")


def test_load(tmp, ranges):
    single, dist = os.path.join(tmp, "single.db"), os.path.join(tmp, "dist.db")
    r = subprocess.run([MFB, "load", "--copybook", CPY, "--codepage", "cp285", "--input", DATA,
                        "--target", "sqlite:" + single, "--table", "tp", "--no-progress"],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"one-process load: {r.stderr}")
    common = dict(copybook=CPY, target="sqlite:" + dist, table="tp", **OPTS)
    for rng in ranges:
        if rng["index"] == 1:
            e = expect_error(mfbridge.UsageError, "finish before the splits",
                             lambda: mfbridge.load_finish(DATA, count=len(ranges), **common))
            check(e is not None and "not every split is loaded: 1/" in str(e),
                  f"finish names the splits not loaded: {e}")
        s = mfbridge.load_split(DATA, range=rng, count=len(ranges), **common)
        check(s["records_loaded"] == rng["records"], f"split {rng['index']} loads its records")
    again = mfbridge.load_split(DATA, range=ranges[1], count=len(ranges), **common)
    check(again["records_loaded"] in (0, ranges[1]["records"]), "a split re-run is accepted")
    final = mfbridge.load_finish(DATA, count=len(ranges), **common)
    check(final["reconciliation"]["ok"] and final["records_loaded"] == RECORDS,
          f"finish reconciles all {RECORDS} records: {final['reconciliation']}")
    query = "SELECT * FROM tp ORDER BY 1"
    check(sqlite(single, query) == sqlite(dist, query), "the split load holds the one-process rows")
    e = expect_error(mfbridge.Error, "an unreachable target",
                     lambda: mfbridge.load_split(DATA, range=ranges[0], count=len(ranges), copybook=CPY,
                                                 target="postgresql://nobody@127.0.0.1:1/none", **OPTS))
    check(e is not None and e.kind == "target", f"an unreachable target is a TargetError: {e!r}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        ranges = test_splits()
        test_convert_range(tmp, ranges)
        test_load(tmp, ranges)
    sys.exit(finish())


if __name__ == "__main__":
    main()
