#!/usr/bin/env python3
"""Copybooks past the layout limits fail fast, from `layout` and from `convert` alike: exit 1,
a diagnostic at file:line:column of the offending OCCURS or item, and a small peak RSS (the
decode plan must not expand a billion occurrences before it finds out). The children run
under a 1 GB address-space limit, so an old build that tries to expand fails here instead
of taking the machine's memory.

Oracles: GnuCOBOL (cobc -std=ibm) refuses the nested table (it is larger than any record
it accepts) and sizes ITEM-REC at 1,000,001 bytes of one-byte items, one item past our
limit of 1,000,000; UNDER-REC, at the limit, has GnuCOBOL's length in our layout.
Usage: layout_limits_test.py BUILD_DIR
"""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import layout_oracle  # noqa: E402

DATA = os.path.join("tests", "data", "layout")
NEST = os.path.join(DATA, "fail_limit_occurs_overflow.cpy")
ITEMS = os.path.join(DATA, "fail_limit_item_count.cpy")
RSS_LIMIT_KB = 200 * 1024
UNDER = """       01  UNDER-REC.
           05  UNDER-T1 OCCURS 1000 TIMES.
               10  UNDER-T2 OCCURS 999 TIMES.
                   15  UNDER-C         PIC X.
           05  UNDER-LAST              PIC X(1000).
"""
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def run_measured(cmd, work):
    """Run cmd; return (exit code, stderr, peak RSS in KB) of that child alone (wait4)."""
    with open(os.path.join(work, "out"), "wb") as out, open(os.path.join(work, "err"), "wb") as err:
        p = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             preexec_fn=limit_memory)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    with open(os.path.join(work, "err"), encoding="utf-8", errors="replace") as f:
        return p.returncode, f.read(), usage.ru_maxrss


def fails_fast(label, cmd, where, work):
    code, err, rss = run_measured(cmd, work)
    check(code == 1, f"{label}: exit {code}, expected 1 ({err.strip()[:200]!r})")
    check(where in err, f"{label}: the message points at {where}")
    check(rss < RSS_LIMIT_KB, f"{label}: peak RSS {rss // 1024} MB, under {RSS_LIMIT_KB // 1024} MB")


def main():
    mfbridge = layout_oracle.mfbridge_from_args(sys.argv)
    if mfbridge is None:
        return 1
    work = tempfile.mkdtemp(prefix="mfb-limits-")
    try:
        data = os.path.join(work, "rec.dat")
        with open(data, "wb") as f:
            f.write(b"\x40" * 80)
        nest_at = NEST + ":7:32: error: OCCURS 99999999 TIMES makes table NEST-T3"
        fails_fast("layout, nested OCCURS", [mfbridge, "layout", NEST], nest_at, work)
        fails_fast("layout --format json, nested OCCURS",
                   [mfbridge, "layout", NEST, "--format", "json"], nest_at, work)
        fails_fast("convert, nested OCCURS",
                   [mfbridge, "convert", "--copybook", NEST, "--input", data, "--output",
                    os.path.join(work, "out.jsonl")], nest_at, work)
        check(not os.path.exists(os.path.join(work, "out.jsonl")), "convert wrote no output file")
        items_at = ITEMS + ":7:16: error: item ITEM-LAST makes record ITEM-REC hold more than " \
                           "1,000,000 elementary items"
        fails_fast("layout, one item too many", [mfbridge, "layout", ITEMS], items_at, work)
        fails_fast("convert, one item too many",
                   [mfbridge, "convert", "--copybook", ITEMS, "--input", data, "--format", "csv",
                    "--output", os.path.join(work, "out.csv")], items_at, work)

        under = os.path.join(work, "under.cpy")
        with open(under, "w") as f:
            f.write(UNDER)
        r = subprocess.run([mfbridge, "layout", under, "--format", "json"], capture_output=True,
                           text=True, timeout=120, preexec_fn=limit_memory)
        check(r.returncode == 0, f"layout at the item limit: exit {r.returncode} {r.stderr[:200]}")
        ours = json.loads(r.stdout)["records"][0]["length"] if r.returncode == 0 else None

        if not shutil.which("cobc"):
            print("SKIP: cobc (GnuCOBOL) is not installed: the oracle checks are skipped")
        else:
            recs, why = layout_oracle.gnucobol_layout(NEST, [], work)
            check(recs is None and "cannot be larger" in (why or ""),
                  "GnuCOBOL refuses the nested table too")
            recs, why = layout_oracle.gnucobol_layout(ITEMS, [], work)
            check(recs is not None and recs[0]["length"] == 1_000_001,
                  f"GnuCOBOL sizes ITEM-REC at 1,000,001 one-byte items ({why or recs[0]['length']})")
            recs, why = layout_oracle.gnucobol_layout(under, [], work)
            check(recs is not None and recs[0]["length"] == ours,
                  f"UNDER-REC: our length {ours} is GnuCOBOL's ({why or recs[0]['length']})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        print(f"{len(FAILURES)} failed")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
