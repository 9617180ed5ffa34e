"""A load killed with SIGKILL at several points and resumed by running the same command
ends with the same tables as a load that never failed (no duplicates, no loss), on SQLite
and on a throwaway PostgreSQL 15. A changed input is refused on resume (exit 1) unless
--allow-changed-input; --restart starts afresh. The input is written by the taxpayer
sample's GnuCOBOL program (samples/generate.sh); tables are read with sqlite3 and psql.

Usage: load_restart_test.py BUILD_DIR  (run from the repository root)"""

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import MFB, SAMPLES, mfb, sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402
import pg_server  # noqa: E402

RECORDS = 24000
CHUNK = 300
TABLES = ["tp", "tp_tp_addr_line", "tp_tp_yearly_figures"]


def load_args(data, target, *extra):
    return [MFB, "load", *SAMPLES["taxpayer"][0], "--table", "tp", "--input", data,
            "--target", target, "--chunk-records", str(CHUNK), "--no-progress", *extra]


def table_digest(query):
    """Row count and a hash of every row of every table, in key order."""
    out = []
    for t in TABLES:
        rows = query(f"SELECT * FROM {t} ORDER BY 1, 2").splitlines()
        dup = query(f"SELECT count(*) - count(DISTINCT mfb_record_no) FROM {t}") \
            if t == "tp" else "0"
        out.append((t, len(rows), dup, hashlib.sha256("\n".join(rows).encode()).hexdigest()))
    return out


def committed(query):
    try:
        v = query("SELECT records FROM mfbridge_checkpoints WHERE job = 'tp'")
        return int(v) if v else 0
    except Exception:  # the table may not exist yet
        return 0


def kill_after(args, query, at_least):
    """Start the load; SIGKILL it once the checkpoint shows at_least records committed.
    Returns the records committed when it was killed (None if it finished first)."""
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    deadline = time.time() + 120
    while p.poll() is None and time.time() < deadline:
        n = committed(query)
        if n >= at_least:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
            return committed(query)
        time.sleep(0.02)
    p.wait()
    return None


def scenario(label, target, query, data, changed):
    # Early kill points leave the resumed load plenty of records to go: a fast load would
    # otherwise finish between two polls of the checkpoint.
    points = [CHUNK, RECORDS // 4, RECORDS // 2]
    killed = []
    for at in points:
        n = kill_after(load_args(data, target), query, at)
        killed.append(n)
    check(all(n is not None and 0 < n < RECORDS for n in killed),
          f"{label}: killed at committed records {killed}")
    check(killed == sorted(killed), f"{label}: each resume went on from the last chunk {killed}")
    # The interrupted load's input changes: refused, unless told.
    p = subprocess.run(load_args(changed, target), capture_output=True, text=True)
    check(p.returncode == 1, f"{label}: changed input on resume exit {p.returncode} (want 1) "
          f"{p.stderr.strip()[-200:]}")
    p = subprocess.run(load_args(data, target), capture_output=True, text=True)
    check(p.returncode == 0, f"{label}: resume to the end exit {p.returncode} {p.stderr[-300:]}")
    return table_digest(query)


def run_target(label, make_target, query_for, data, changed):
    ref_target = make_target("ref")
    p = subprocess.run(load_args(data, ref_target), capture_output=True, text=True)
    check(p.returncode == 0, f"{label}: uninterrupted load exit {p.returncode} {p.stderr[-300:]}")
    want = table_digest(query_for(ref_target))
    check(want[0][1] == RECORDS and want[2][1] == 5 * RECORDS,
          f"{label}: uninterrupted load has {want[0][1]} records, {want[2][1]} yearly rows")

    target = make_target("killed")
    got = scenario(label, target, query_for(target), data, changed)
    check(got == want, f"{label}: killed 3 times and resumed == uninterrupted "
          f"(rows {[g[1] for g in got]} vs {[w[1] for w in want]}, duplicates {[g[2] for g in got]})")

    # --allow-changed-input accepts the change; --restart starts afresh.
    target = make_target("changed")
    q = query_for(target)
    n = kill_after(load_args(data, target), q, CHUNK)
    check(n is not None, f"{label}: killed before the changed-input resume")
    p = subprocess.run(load_args(changed, target, "--allow-changed-input"), capture_output=True,
                       text=True)
    check(p.returncode == 0, f"{label}: --allow-changed-input exit {p.returncode} {p.stderr[-200:]}")
    check(table_digest(q)[0][1] == RECORDS, f"{label}: --allow-changed-input loaded all records")

    target = make_target("restart")
    q = query_for(target)
    kill_after(load_args(changed, target), q, RECORDS // 2)
    # --restart alone keeps mode create, which refuses the interrupted load's tables.
    p = subprocess.run(load_args(data, target, "--restart", "--mode", "replace"),
                       capture_output=True, text=True)
    check(p.returncode == 0, f"{label}: --restart exit {p.returncode} {p.stderr[-200:]}")
    check(table_digest(q) == want, f"{label}: --restart with the original input == uninterrupted")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-restart-")
    try:
        data = os.path.join(tmp, "tp.dat")
        if not shutil.which("cobc"):
            print("SKIP: cobc not installed")
            return 0
        subprocess.run(["samples/generate.sh", "taxpayer", str(RECORDS), data, "1"], check=True,
                       stdout=subprocess.DEVNULL)
        # The changed file: one byte of the last record's surname (cp037 'Z', a letter).
        changed = os.path.join(tmp, "tp_changed.dat")
        raw = bytearray(open(data, "rb").read())
        pos = len(raw) - 369 + 12
        raw[pos] = 0xE9 if raw[pos] != 0xE9 else 0xE8
        open(changed, "wb").write(raw)

        run_target("sqlite", lambda n: "sqlite:" + os.path.join(tmp, n + ".db"),
                   lambda t: (lambda q: sqlite(t[len("sqlite:"):], q)), data, changed)
        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            def make(n):
                return pg.fresh_database(n)

            def query_for(uri):
                dbname = urllib.parse.urlsplit(uri).path.lstrip("/")
                return lambda q: _psql_db(pg, dbname, q)
            run_target("postgresql", make, query_for, data, changed)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


def _psql_db(pg, dbname, sql):
    p = subprocess.run(pg.psql_cmd()[:-2] + ["-d", dbname, "-At", "-c", sql], capture_output=True,
                       text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return p.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
