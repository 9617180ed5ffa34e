#!/usr/bin/env python3
"""mfbridge.dask on a real scheduler and two worker processes, one killed mid-split.

A dask-scheduler and two dask-worker processes (tests/support/dask_cluster.py) run on
127.0.0.1, port 0, dashboards on 127.0.0.1:0; every listening socket they hold is checked
to be on 127.0.0.1. The inputs, generated here, are a fixed (FB) file and a VB file, each
planned into at least 16 splits. The oracle is a one-process run of the CLI on the same
files: `mfbridge convert` (bytes) and `mfbridge load` into another database of the same
throwaway PostgreSQL (tests/support/pg_server.py), read back with psql.

The kills are placed, not timed. In the convert, the workers run with MFB_TEST_PAUSE_DIR:
the first progress report of a split after the test arms the hook writes the worker's pid
and waits (python/src/call_reporter.hpp); the test checks that the split's .partial part
exists, SIGKILLs that worker by its pid and starts a replacement. The load reports no
progress, so there the test holds a SHARE lock on mfbridge_checkpoints once a split has
committed chunks: every split stops at its next commit, and the worker whose split has
committed rows is killed (see kill_during_load). Dask runs each lost task again. Afterwards the parts concatenate to the CLI's bytes, the tables hold the CLI's rows
and reconciliation, and no .partial file is left.

Usage: dask_distributed_test.py BUILD_DIR  (run from the repository root)
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import python_package  # noqa: E402

mfbridge = python_package.use()
import mfbridge.dask as mdd  # noqa: E402
from distributed import Client  # noqa: E402

from dask_cluster import dask_cluster, listening_addresses  # noqa: E402
from framing_oracle_writer import write_vb  # noqa: E402
from pg_server import pg_server  # noqa: E402
from script_checks import check, finish, packed  # noqa: E402

MFB = os.path.join(python_package.BUILD, "mfbridge")
FIX_CPY = """       01  FIX-REC.
           05  FX-ID        PIC 9(8).
           05  FX-NAME      PIC X(20).
           05  FX-AMOUNT    PIC S9(9)V99 COMP-3.
           05  FX-COUNT     PIC S9(4) COMP.
           05  FX-CODE      PIC X(4).
"""
VB_CPY = """       01  VB-REC.
           05  VB-ID        PIC 9(8).
           05  VB-N         PIC S9(3) COMP-3.
           05  VB-ITEM OCCURS 0 TO 5 TIMES DEPENDING ON VB-N.
               10  VB-CODE  PIC X(3).
               10  VB-AMT   PIC S9(5)V99 COMP-3.
"""
FIX_RECORDS, VB_RECORDS = 40000, 30000
TARGET = 90 * 1024  # bytes per split: 18 of the 1.6 MB fixed file
VB_TARGET = 48 * 1024  # 20 of the 0.95 MB VB file


def fixed_bytes():
    out = bytearray()
    for i in range(FIX_RECORDS):
        out += f"{i + 1:08d}".encode("cp037")
        out += f"NAME {i * 7919 % 100000:05d}".ljust(20).encode("cp037")
        out += packed((i * 1234567) % 10 ** 11 - 5 * 10 ** 10, 6)
        out += ((i % 19999) - 9999).to_bytes(2, "big", signed=True)
        out += ["ABCD", "WXYZ", "    ", 'A,B"'][i % 4].encode("cp037")
    return bytes(out)


def vb_bytes():
    records = []
    for i in range(VB_RECORDS):
        n = i % 6
        rec = f"{i + 1:08d}".encode("cp037") + packed(n, 2)
        for k in range(n):
            rec += f"C{k}{i % 10}".encode("cp037") + packed((i * 31 + k) % 10 ** 7 - 5 * 10 ** 6, 4)
        records.append(rec)
    return write_vb(records, 6144)


class Case:
    def __init__(self, tmp, name, cpy_text, data, layout, target):
        self.name, self.layout, self.target = name, layout, target
        self.cpy = os.path.join(tmp, name.upper() + ".cpy")
        self.data = os.path.join(tmp, name + ".dat")
        open(self.cpy, "w").write(cpy_text)
        open(self.data, "wb").write(data)

    def cli(self, *args):
        argv = [MFB, *args, "--copybook", self.cpy, "--input", self.data, "--no-progress"]
        for k, v in self.layout.items():
            argv += [f"--{k}", str(v)]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=300)
        check(r.returncode == 0, f"{self.name}: mfbridge {args[0]} exits 0: {r.stderr[-500:]}")


def pause_files(pause):
    return [os.path.join(pause, n) for n in ("claimed", "paused", "resume")]


def arm(pause):
    for f in pause_files(pause):
        if os.path.exists(f):
            os.remove(f)


def disarm(pause):
    open(os.path.join(pause, "claimed"), "w").close()


def run_killing_one(cl, pause, label, run, under_way):
    """Run `run` in a thread; kill the worker that pauses mid-split; return run's result."""
    arm(pause)
    t, box = python_package.start(run)
    paused = os.path.join(pause, "paused")
    deadline = time.time() + 60
    while not os.path.exists(paused) and t.is_alive() and time.time() < deadline:
        time.sleep(0.02)
    ok = os.path.exists(paused)
    check(ok, f"{label}: a split paused mid-way")
    if ok:
        pid = int(open(paused).read())
        check(pid in [p.pid for p in cl.live_workers()], f"{label}: the paused pid {pid} is a worker")
        check(under_way(), f"{label}: the paused split is under way")
        cl.kill(pid)
        open(os.path.join(pause, "resume"), "w").close()
        cl.add_worker()
    t.join(120)
    check(not t.is_alive() and "error" not in box, f"{label}: completes after the kill: {box.get('error')}")
    disarm(pause)
    return box.get("value")


def psql(pg, db, sql, quiet=False):
    r = subprocess.run(pg.psql_cmd()[:-2] + ["-d", db, "-At", "-c", sql], capture_output=True)
    if not quiet:
        check(r.returncode == 0, f"psql {db}: {sql}: {r.stderr[-300:]}")
    return r.stdout if r.returncode == 0 else b""


def same_tables(pg, label):
    tables = psql(pg, "single", "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                  "AND tablename NOT LIKE 'mfbridge%' ORDER BY 1").decode().split()
    dist = psql(pg, "dist", "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename NOT LIKE 'mfbridge%' ORDER BY 1").decode().split()
    check(tables == dist and tables, f"{label}: the same tables: {tables} / {dist}")
    for t in tables:
        sql = f'COPY (SELECT * FROM "{t}" AS r ORDER BY r::text) TO STDOUT'
        a, b = psql(pg, "single", sql), psql(pg, "dist", sql)
        rows = a.count(b"\n")
        check(a == b and rows > 0, f"{label}: table {t} holds the same rows ({rows} rows)")


def convert_phase(cl, pause, tmp, case, kill):
    whole = os.path.join(tmp, case.name + ".jsonl")
    case.cli("convert", "--output", whole)
    out = os.path.join(tmp, "parts-" + case.name)
    run = lambda: mdd.convert(case.data, copybook=case.cpy, output_dir=out, target_size=case.target,
                              **case.layout)
    parts = (run_killing_one(cl, pause, f"{case.name} convert", run,
                             lambda: bool(glob.glob(os.path.join(out, "*.partial"))))
             if kill else run())
    check(parts is not None and len(parts) >= 16, f"{case.name}: {len(parts or [])} splits (16 or more)")
    names = sorted(glob.glob(os.path.join(out, "*")))
    check(names == sorted(p["part"] for p in parts or []),
          f"{case.name}: the output folder holds the parts and nothing else (no .partial)")
    joined = b"".join(open(p, "rb").read() for p in names)
    check(joined == open(whole, "rb").read(),
          f"{case.name}: the parts concatenate to the one-process convert ({len(joined)} bytes)")


def splits_under_way(pg):
    """Split index -> committed records, for the splits that committed and are not done."""
    rows = psql(pg, "dist", "SELECT job, records FROM mfbridge_checkpoints "
                "WHERE status NOT LIKE '%done' AND records > 0", quiet=True).decode().split()  # (none yet: no table)
    out = {}
    for row in rows:
        job, records = row.rsplit("|", 1)
        m = re.search(r"split-(\d+)-of-\d+$", job)
        if m:
            out[int(m.group(1))] = int(records)
    return out


def kill_during_load(cl, client, pg, label, run):
    """The load reports no progress, so the kill is placed through the database: once a
    split has committed chunks, the test LOCKs mfbridge_checkpoints in SHARE mode, which
    stops every split at its next chunk commit (each commit updates its checkpoint row).
    With every worker stopped inside a split, the one whose split has committed rows and
    is not done is SIGKILLed; then the lock is released and Dask re-runs that split."""
    t, box = python_package.start(run)
    killed = None
    deadline = time.time() + 60
    while killed is None and t.is_alive() and time.time() < deadline:
        if not splits_under_way(pg):
            time.sleep(0.01)
            continue
        locker = subprocess.Popen(pg.psql_cmd()[:-2] + ["-d", "dist", "-Atq"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True)
        locker.stdin.write("BEGIN; SET lock_timeout = '30s';\n"
                           "LOCK TABLE mfbridge_checkpoints IN SHARE MODE; SELECT 'locked';\n")
        locker.stdin.flush()
        got_lock = locker.stdout.readline().strip() == "locked"
        time.sleep(0.5)  # every running split reaches its next commit and waits there
        under_way = splits_under_way(pg)
        pid_of = {"tcp://" + a: pid for pid, a in listening_addresses(cl.pids())}
        for addr, keys in client.processing().items():
            splits = [int(k.split("-")[3]) for k in keys if k.startswith("mfbridge-load-")]
            if got_lock and any(s in under_way for s in splits) and addr in pid_of:
                killed = (pid_of[addr], splits, under_way)
                cl.kill(killed[0])
                break
        locker.stdin.write("COMMIT;\n")
        locker.stdin.close()
        locker.wait(30)
    check(killed is not None, f"{label}: a worker was killed inside a split with committed "
          f"chunks: {killed}")
    if killed is not None:
        cl.add_worker()
    t.join(120)
    check(not t.is_alive() and "error" not in box, f"{label}: completes after the kill: {box.get('error')}")
    return box.get("value")


def load_phase(cl, client, pg, uris, case, kill):
    summary = os.path.join(os.path.dirname(case.data), case.name + ".summary.json")
    case.cli("load", "--target", uris["single"], "--table", case.name, "--chunk-records", "200",
             "--summary-json", summary)
    run = lambda: mdd.load(case.data, copybook=case.cpy, target=uris["dist"], table=case.name,
                           target_size=case.target, chunk_records=200, **case.layout)
    final = kill_during_load(cl, client, pg, f"{case.name} load", run) if kill else run()
    want = json.load(open(summary))
    got = final or {}
    check(len(got.get("splits", [])) >= 16, f"{case.name}: loaded in {len(got.get('splits', []))} splits")
    for k in ("records_read", "records_loaded", "rows_by_table", "reconciliation"):
        check(json.dumps(got.get(k)) == json.dumps(want[k]),
              f"{case.name} load: {k} as in the one-process load: {got.get(k)} / {want[k]}")
    same_tables(pg, case.name)


def read_phase(case):
    df = mdd.read_cobol(case.data, copybook=case.cpy, target_size=case.target, **case.layout)
    check(df.npartitions >= 16, f"{case.name}: read_cobol has {df.npartitions} partitions")
    got = df.compute()
    want = mfbridge.read(case.data, copybook=case.cpy, **case.layout)
    check(got.equals(want) and list(got.dtypes) == list(want.dtypes),
          f"{case.name}: read_cobol computes to read()'s frame ({len(got)} rows)")


def main():
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp, pg_server() as pg:
        uris = {db: pg.fresh_database(db) for db in ("single", "dist")}
        fixed = Case(tmp, "fix_rec", FIX_CPY, fixed_bytes(), {"recfm": "FB"}, TARGET)
        vb = Case(tmp, "vb_rec", VB_CPY, vb_bytes(), {"recfm": "VB"}, VB_TARGET)
        pause = os.path.join(tmp, "pause")
        os.makedirs(pause)
        disarm(pause)
        env = dict(os.environ, MFB_TEST_PAUSE_DIR=pause)
        work = os.path.join(tmp, "dask")
        os.makedirs(work)
        with dask_cluster(work, python_package.interpreter(), env, workers=2) as cl:
            client = Client(cl.address)
            client.wait_for_workers(2, timeout=60)
            where = listening_addresses(cl.pids())
            check(where and all(a.startswith("127.0.0.1:") for _, a in where),
                  f"scheduler and workers listen on 127.0.0.1 only: {where}")
            convert_phase(cl, pause, tmp, fixed, kill=True)
            convert_phase(cl, pause, tmp, vb, kill=False)
            load_phase(cl, client, pg, uris, fixed, kill=True)
            load_phase(cl, client, pg, uris, vb, kill=False)
            read_phase(fixed)
            read_phase(vb)
            check(len(cl.workers) == 4 and len(cl.live_workers()) == 2,
                  "two workers were killed and replaced")
            client.close()
        check(not any(p.poll() is None for p in cl.workers + [cl.scheduler]),
              "every scheduler and worker process is stopped")
        left = [f for f in glob.glob(os.path.join(tmp, "**", "*.partial"), recursive=True)]
        check(not left, f"no temporary file is left: {left}")
    print(f"(the whole test took {time.time() - started:.0f} s; CI allows 120)")
    sys.exit(finish())


if __name__ == "__main__":
    main()
