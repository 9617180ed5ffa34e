#!/usr/bin/env python3
"""End-to-end load benchmark: N taxpayer records (written by the sample's GnuCOBOL program,
samples/generate.sh) loaded by mfbridge into a throwaway PostgreSQL 15 and into SQLite,
and, in the same run, psql's \\copy of the equivalent CSV (mfbridge convert --format csv,
OCCURS flattened) into the same flattened table: the ceiling. Wall-clock rows/s and MB/s.

    benchmarks/load/load_bench.py BUILD_DIR [RECORDS]     (default 1,000,000; use a
    Release build, e.g. build-loadtests-rel)

Before timing, the loaded row count and the control totals are checked (reconcile exit 0),
and the \\copy table's row count and the sum of TP-BALANCE must equal mfbridge's."""

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


def report(what, seconds, rows, nbytes):
    print(f"{what:<48} {seconds:7.2f} s {rows / seconds:10,.0f} records/s "
          f"{nbytes / seconds / 1e6:7.1f} MB/s")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-loadbench-")
    try:
        data = os.path.join(tmp, "tp.dat")
        subprocess.run([os.path.join(ROOT, "samples/generate.sh"), "taxpayer", str(N), data, "1"],
                       check=True, stdout=subprocess.DEVNULL)
        size = os.path.getsize(data)
        print(f"{N:,} taxpayer records, {size / 1e6:.1f} MB (369-byte FB, cp285, packed)")
        csv = os.path.join(tmp, "tp.csv")
        dt, _ = timed([MFB, "convert", *LAYOUT, "--input", data, "--format", "csv", "-o", csv,
                       "--no-progress"])
        report("mfbridge convert --format csv (file)", dt, N, size)

        db = os.path.join(tmp, "tp.db")
        for flat in ([], ["--flatten-occurs"]):
            if os.path.exists(db):
                os.remove(db)
            dt, _ = timed([MFB, "load", *LAYOUT, *flat, "--table", "tp", "--input", data,
                           "--target", "sqlite:" + db, "--no-progress"])
            report("mfbridge load -> SQLite" + (" (flattened)" if flat else " (child tables)"),
                   dt, N, size)
        with pg_server.pg_server() as pg:
            for flat in ([], ["--flatten-occurs"]):
                name = "tpf" if flat else "tpc"
                dt, _ = timed([MFB, "load", *LAYOUT, *flat, "--table", name, "--input", data,
                               "--target", pg.uri, "--no-progress"])
                report("mfbridge load -> PostgreSQL" + (" (flattened)" if flat else
                                                         " (child tables)"), dt, N, size)
                if pg.psql(f"SELECT count(*) FROM {name}") != str(N):
                    raise SystemExit("row count differs")
            # The ceiling: the same flattened table, without mfb_record_no (not in the CSV).
            _, p = timed([MFB, "ddl", *LAYOUT, "--flatten-occurs", "--table", "tpcsv",
                          "--dialect", "postgresql"])
            subprocess.run(pg.psql_cmd() + ["-q", "-c", p.stdout], check=True)
            pg.psql("ALTER TABLE tpcsv DROP COLUMN mfb_record_no")
            dt, _ = timed(pg.psql_cmd() + ["-c", f"\\copy tpcsv FROM '{csv}' CSV HEADER"])
            report("psql \\copy of the CSV -> PostgreSQL (ceiling)", dt, N, size)
            a = pg.psql("SELECT count(*), sum(tp_balance) FROM tpcsv")
            b = pg.psql("SELECT count(*), sum(tp_balance) FROM tpf")
            if a != b:
                raise SystemExit(f"\\copy table {a} != mfbridge table {b}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
