#!/usr/bin/env python3
"""The peer cases the text options decide, compared EXACTLY with Cobrix's rows.

cobrix_convert_test.py runs every peer variant and normalises both sides (it trims both
the same way and maps control characters); this test does not. Every string must be
byte-for-byte Cobrix's, every number the same decimal:
  - t03: string_trimming_policy none / left / right / both and the default, on Cobrix's
    default page `common`: --codepage common --trim X --trim-rule java;
  - t12: encoding=ascii: --ascii (UTF-8 text, ASCII digits) with Cobrix's default trimming.
Only the spelling Cobrix's Spark output adds is mapped: '-' in keys becomes '_', null
fields are left out, and keep_original's two 01 records are merged from one run each.
Usage: cobrix_text_peer_test.py BUILD_DIR
"""
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

from script_checks import check, finish

ROOT = Path(__file__).resolve().parents[3]
PEER = ROOT.parent / "shared" / "peer" / "cobrix"

T03 = {"test3": "both", "test3_trim_none": "none", "test3_trim_left": "left",
       "test3_trim_right": "right", "test3_trim_both": "both"}


def spark_keys(value):
    if isinstance(value, dict):
        return {k.replace("-", "_"): spark_keys(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [spark_keys(v) for v in value]
    return value


def rows(text):
    return [json.loads(l, parse_float=Decimal) for l in text.splitlines() if l.strip()]


def convert(mfbridge, args):
    run = subprocess.run([mfbridge, "convert", "--no-progress"] + args, capture_output=True,
                         text=True, encoding="utf-8")
    return run, [spark_keys(r) for r in rows(run.stdout)]


def first_difference(ours, theirs):
    if len(ours) != len(theirs):
        return f"{len(ours)} rows, Cobrix {len(theirs)}"
    for i, (a, b) in enumerate(zip(ours, theirs)):
        if a != b:
            return f"row {i}: ours {a}, Cobrix {b}"
    return None


def test_t03(mfbridge):
    case = PEER / "t03_trim_segment_filter"
    for name, trim in T03.items():
        want = rows((case / "expected" / f"{name}.txt").read_text(encoding="utf-8"))
        run, got = convert(mfbridge, [
            "--copybook", str(case / "test3_copybook.cob"),
            "--input", str(case / "data" / "TRAN2.AUG31.DATA.dat"),
            "--codepage", "common", "--trim", trim, "--trim-rule", "java",
            "--select", "SIGNATURE=S9276511:TRANSDATA", "--on-error", "skip"])
        diff = first_difference(got[:60], want)
        check(diff is None and len(want) == 60, f"t03 {name} (--trim {trim}) equals Cobrix's "
                                                f"rows exactly: {diff}")


def test_t12(mfbridge):
    case = PEER / "t12_ascii_merge_copybooks"
    want = rows((case / "expected" / "test12.txt").read_text(encoding="utf-8"))
    merged = None
    for record in ("RECORD-A", "RECORD-B"):
        run, got = convert(mfbridge, ["--copybook", str(case / "test12_copybook.cob"),
                                      "--input", str(case / "data" / "data.dat"), "--ascii",
                                      "--record", record, "--trim", "both", "--trim-rule", "java"])
        check(run.returncode == 0, f"t12 {record} exits 0 ({run.stderr.strip()})")
        if merged is None:
            merged = [dict() for _ in got]
        for m, r in zip(merged, got):
            m[record.replace("-", "_")] = r
    diff = first_difference(merged or [], want)
    check(diff is None, f"t12 (--ascii) equals Cobrix's rows exactly: {diff}")


def main():
    if not PEER.is_dir():
        print(f"SKIP: no peer suite at {PEER}")
        return 0
    mfbridge = str(Path(sys.argv[1]).resolve() / "mfbridge")
    test_t03(mfbridge)
    test_t12(mfbridge)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
