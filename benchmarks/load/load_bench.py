#!/usr/bin/env python3
"""End-to-end load benchmark: N taxpayer records (written by the sample's GnuCOBOL program,
samples/generate.sh) loaded by mfbridge into a throwaway PostgreSQL 15 and into SQLite,
and, in the same run, psql's \\copy of the equivalent CSV (mfbridge convert --format csv,
OCCURS flattened) into the same flattened table: the ceiling. Wall-clock rows/s and MB/s.

    benchmarks/load/load_bench.py BUILD_DIR [RECORDS]     (default 1,000,000; use a
    Release build, e.g. build-loadtests-rel)

Each load must load every record and reconcile (its JSON summary says so); the \\copy table's
row count and sum of TP-BALANCE must equal mfbridge's. Whole-process times; the load phase
(decoding and writing, before keys, indexes and the reconciliation re-read) is printed too."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "support"))
import pg_server  # noqa: E402

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, "build")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
MFB = os.path.join(BUILD, "mfbridge")
LAYOUT = ["--copybook", os.path.join(ROOT, "samples/taxpayer/TAXPAYER.cpy"), "--codepage",
          "cp285", "--recfm", "FB"]


def timed(cmd, **kw):
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return dt, p


def report(what, seconds, records, nbytes, rows=None, phase=None):
    rows = records if rows is None else rows
    extra = f"  (load phase {phase:.2f} s, {rows / phase:,.0f} rows/s)" if phase else ""
    print(f"{what:<52} {seconds:6.2f} s {records / seconds:10,.0f} records/s "
          f"{rows / seconds:10,.0f} rows/s {nbytes / seconds / 1e6:6.1f} MB/s{extra}", flush=True)


def load(target, table, data, flat, summary):
    """Time one mfbridge load; returns (whole seconds, load-phase seconds, rows)."""
    dt, _ = timed([MFB, "load", *LAYOUT, *flat, "--table", table, "--input", data, "--target",
                   target, "--no-progress", "--summary-json", summary])
    s = json.load(open(summary))
    if s["records_loaded"] != N or not s["reconciliation"]["ok"]:
        raise SystemExit(f"load into {target} did not load and reconcile every record: {s}")
    return dt, s["seconds"], sum(s["rows_by_table"].values())


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-loadbench-")
    try:
        data = os.path.join(tmp, "tp.dat")
        subprocess.run([os.path.join(ROOT, "samples/generate.sh"), "taxpayer", str(N), data, "1"],
                       check=True, stdout=subprocess.DEVNULL)
        size = os.path.getsize(data)
        print(f"{N:,} taxpayer records, {size / 1e6:.1f} MB (369-byte FB, cp285, packed); "
              f"{os.cpu_count()} CPUs", flush=True)
        csv = os.path.join(tmp, "tp.csv")
        dt, _ = timed([MFB, "convert", *LAYOUT, "--input", data, "--format", "csv", "-o", csv,
                       "--no-progress"])
        report("mfbridge convert --format csv (file)", dt, N, size)
        # The ceiling's input: the same CSV with the record number first, so that \copy
        # fills the very table mfbridge makes (same columns, same primary key).
        numbered = os.path.join(tmp, "tpn.csv")
        with open(csv) as f, open(numbered, "w") as g:
            g.write("mfb_record_no," + f.readline())
            for i, line in enumerate(f, 1):
                g.write(f"{i},{line}")

        summary = os.path.join(tmp, "summary.json")
        db = os.path.join(tmp, "tp.db")
        for flat in ([], ["--flatten-occurs"]):
            if os.path.exists(db):
                os.remove(db)
            dt, phase, rows = load("sqlite:" + db, "tp", data, flat, summary)
            report("mfbridge load -> SQLite" + (" (flattened)" if flat else " (child tables)"),
                   dt, N, size, rows, phase)
        with pg_server.pg_server() as pg:
            for flat in ([], ["--flatten-occurs"]):
                name = "tpf" if flat else "tpc"
                dt, phase, rows = load(pg.uri, name, data, flat, summary)
                report("mfbridge load -> PostgreSQL" + (" (flattened)" if flat else
                                                         " (child tables)"), dt, N, size, rows, phase)
            # The ceiling: the flattened table exactly as `mfbridge ddl` writes it.
            _, p = timed([MFB, "ddl", *LAYOUT, "--flatten-occurs", "--table", "tpcsv",
                          "--dialect", "postgresql"])
            subprocess.run(pg.psql_cmd() + ["-q", "-c", p.stdout], check=True)
            dt, _ = timed(pg.psql_cmd() + ["-c", f"\\copy tpcsv FROM '{numbered}' CSV HEADER"])
            report("psql \\copy of the converted CSV -> PostgreSQL", dt, N, size)
            a = pg.psql("SELECT count(*), sum(tp_balance) FROM tpcsv")
            b = pg.psql("SELECT count(*), sum(tp_balance) FROM tpf")
            if a != b:
                raise SystemExit(f"\\copy table {a} != mfbridge table {b}")
            mixed(pg, tmp, summary)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def mixed(pg, tmp, summary):
    """About N PAYE records of three types (header, detail, trailer; 80-byte FB), one table
    per type. The ceiling: the loaded tables written out as CSV, then \\copy'd back into
    empty tables LIKE them (same columns, keys and constraints), all three in one psql."""
    per_employer = max(1, (N - 6) // 3)
    data = os.path.join(tmp, "paye.dat")
    subprocess.run([os.path.join(ROOT, "samples/generate.sh"), "paye", str(per_employer), data],
                   check=True, stdout=subprocess.DEVNULL)
    size = os.path.getsize(data)
    records = size // 80
    print(f"{records:,} PAYE records (header/detail/trailer), {size / 1e6:.1f} MB", flush=True)
    opts = ["--copybook", os.path.join(ROOT, "samples/paye/PAYE.cpy"), "--codepage", "cp285",
            "--recfm", "FB", "--lrecl", "80",
            "--select", "PH-RECORD-TYPE=H:PAYE-HEADER-REC",
            "--select", "PD-RECORD-TYPE=D:PAYE-DETAIL-REC",
            "--select", "PT-RECORD-TYPE=T:PAYE-TRAILER-REC"]
    db = os.path.join(tmp, "paye.db")
    for target in ("sqlite:" + db, pg.uri):
        dt, _ = timed([MFB, "load", *opts, "--table", "paye", "--input", data, "--target",
                       target, "--no-progress", "--summary-json", summary])
        s = json.load(open(summary))
        if s["records_loaded"] != records or not s["reconciliation"]["ok"]:
            raise SystemExit(f"PAYE load into {target} incomplete: {s}")
        report("mfbridge load -> " + ("SQLite" if target.startswith("sqlite") else
                                       "PostgreSQL") + " (PAYE, 3 record types)",
               dt, records, size, sum(s["rows_by_table"].values()), s["seconds"])
    tables = pg.psql("SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables "
                     "WHERE tablename LIKE 'paye%'").split()
    script = []
    for t in tables:
        csv = os.path.join(tmp, t + ".csv")
        subprocess.run(pg.psql_cmd() + ["-q", "-c", f"\\copy {t} TO '{csv}' CSV"], check=True)
        pg.psql(f"CREATE TABLE {t}_csv (LIKE {t} INCLUDING ALL)")
        script += ["-c", f"\\copy {t}_csv FROM '{csv}' CSV"]
    dt, _ = timed(pg.psql_cmd() + script)
    report("psql \\copy of the tables' CSV -> PostgreSQL (PAYE)", dt, records, size)
    for t in tables:
        if pg.psql(f"SELECT count(*) FROM {t}_csv") != pg.psql(f"SELECT count(*) FROM {t}"):
            raise SystemExit(f"\\copy of {t} differs")


if __name__ == "__main__":
    main()
