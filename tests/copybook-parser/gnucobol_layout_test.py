#!/usr/bin/env python3
"""Prove `mfbridge layout --format json` against GnuCOBOL (cobc -std=ibm) for every
tests/data/layout/*.cpy: offset and length of each named item, and each record's length.

Where GnuCOBOL cannot compile a case, or deviates from IBM Enterprise COBOL (the rules we
follow), the case has a <case>.expect.json with values worked out by hand from the IBM
rules; its "fields" replace or complete what cobc says, and "cobc": false skips cobc.
Usage: gnucobol_layout_test.py BUILD_DIR [CASE...]
"""

import concurrent.futures
import glob
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import layout_oracle  # noqa: E402

DATA = os.path.join("tests", "data", "layout")
COPYLIB = os.path.join(DATA, "copylib")

# Cases the parser is known to get wrong today: case -> reason. A known failure that
# starts passing fails the run, so that this list only names real, current gaps.
KNOWN_FAILURES = {
}


def load_expect(cpy):
    path = os.path.splitext(cpy)[0] + ".expect.json"
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def oracle(cpy):
    """Expected records for one case: cobc's numbers, with .expect.json on top."""
    expect = load_expect(cpy)
    records = []
    if expect is None or expect.get("cobc", True):
        fixed = not cpy.endswith("_free.cpy")
        with layout_oracle.temp_dir() as work:
            records, err = layout_oracle.gnucobol_layout(
                cpy, [COPYLIB], work, fixed, bool(expect and expect.get("cobc_append_period")))
        if err:
            return None, err
    if expect:
        for i, rec in enumerate(expect.get("records", [])):
            while len(records) <= i:
                records.append({"name": "", "length": None, "fields": {}})
            if "name" in rec:
                records[i]["name"] = rec["name"]
            if "length" in rec:
                records[i]["length"] = rec["length"]
            for path, ol in rec.get("fields", {}).items():
                records[i]["fields"][path] = tuple(ol)
    return records, None


def compare(expected, ours):
    """List of mismatch strings (empty when the layouts agree)."""
    problems = []
    got = ours.get("records", [])
    if len(got) != len(expected):
        problems.append("records: expected %d, got %d" % (len(expected), len(got)))
    for exp, rec in zip(expected, got):
        if exp["length"] is not None and rec.get("length") != exp["length"]:
            problems.append("record %s length: expected %s, got %s"
                            % (exp["name"], exp["length"], rec.get("length")))
        fields = {}
        for f in rec.get("fields", []):
            fields.setdefault(f.get("path", "").upper(), f)
        for path, (off, length) in exp["fields"].items():
            f = fields.get(path.upper())
            if f is None:
                problems.append("%s: missing (expected offset %d length %d)" % (path, off, length))
                continue
            if f.get("offset") != off or f.get("length") != length:
                problems.append("%s: expected offset %d length %d, got offset %s length %s"
                                % (path, off, length, f.get("offset"), f.get("length")))
            occurs = exp.get("occurs", {}).get(path, f.get("occurs"))
            if f.get("occurs") != occurs:
                problems.append("%s: expected occurs %s, got %s" % (path, occurs, f.get("occurs")))
        known = {p.upper() for p in exp["fields"]}
        for path in fields:
            if path and path not in known:
                problems.append("%s: not a named item in the oracle" % path)
    return problems


def check(case, mfbridge):
    cpy = os.path.join(DATA, case + ".cpy")
    expected, err = oracle(cpy)
    if err:
        return case, ["oracle: " + err]
    ours, err = layout_oracle.mfbridge_layout(mfbridge, cpy, [COPYLIB])
    if err:
        return case, [err]
    return case, compare(expected, ours)


def main():
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) is not installed")
        return 0
    mfbridge = layout_oracle.mfbridge_from_args(sys.argv)
    if mfbridge is None:
        return 1
    cases = sys.argv[2:] or sorted(
        os.path.splitext(os.path.basename(p))[0] for p in glob.glob(os.path.join(DATA, "*.cpy"))
        if not os.path.basename(p).startswith("fail_"))
    results = layout_oracle.tally(KNOWN_FAILURES)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for case, problems in pool.map(lambda c: check(c, mfbridge), cases):
            results.report(case, problems)
    return results.finish()

if __name__ == "__main__":
    sys.exit(main())
