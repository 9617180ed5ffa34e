#!/usr/bin/env python3
"""`load --split I/N` in any order, then `load --finish --splits N`, gives the rows and
control totals of a one-process load, on SQLite and on a throwaway PostgreSQL, read back
with the sqlite3 CLI and psql (independent clients).

- The input is a VB file (tests/support/framing_oracle_writer.py, from IBM's DFSMS manual)
  whose records carry their own number, a name and a packed amount (Python's cp037 codec
  and the packed-decimal definition, script_checks.packed), with tails of random length.
- The splits run out of order; one is killed with SIGKILL after its first chunks committed
  (the checkpoint is polled), and re-run: it resumes. A finished split re-run loads nothing.
- --finish before every split is done names the missing one and changes nothing.
- Rows (every column, the record number included) equal the one-process load's rows; the
  count and the sum of amounts equal the generator's; the finish reconciles (exit 0).
Usage: load_split_test.py BUILD"""
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "support"))
from load_support import MFB, sqlite  # noqa: E402
from script_checks import check, finish, packed  # noqa: E402
import framing_oracle_writer as fw  # noqa: E402
import pg_server  # noqa: E402

N = 12000
SPLITS = 5
COPYBOOK = ("       01 R.\n"
            "          05 R-ID     PIC 9(8).\n"
            "          05 R-NAME   PIC X(20).\n"
            "          05 R-AMT    PIC S9(7)V99 COMP-3.\n")


def amount(i):
    return (i * 7919) % 200000000 - 100000000  # cents, both signs


def records():
    rng = random.Random(1414)
    out = []
    for i in range(1, N + 1):
        tail = bytes(rng.randrange(256) for _ in range(rng.choice([0, 10, 200, 900])))
        out.append(f"{i:08d}".encode("cp037") + f"NAME {i}".ljust(20).encode("cp037") +
                   packed(amount(i), 5) + tail)
    return out


def load(cpy, data, target, table, *extra, timeout=300):
    return subprocess.run([MFB, "load", "--copybook", cpy, "--recfm", "VB", "--allow-trailing-bytes",
                           "--table", table, "--input", data, "--target", target, "--no-progress",
                           "--chunk-records", "100", *extra],
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def killed_mid_split(cmd, progress):
    """Start the split, SIGKILL it once its checkpoint shows committed records."""
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        if progress() > 0:
            break
        time.sleep(0.005)
    p.send_signal(signal.SIGKILL)
    err = p.communicate()[1].decode(errors="replace")
    if p.returncode != -signal.SIGKILL:
        print(f"the split ended by itself ({p.returncode}): {err}")
    return p.returncode == -signal.SIGKILL


def run_target(label, cpy, data, target, query):
    one_summary = os.path.join(os.path.dirname(data), label + ".one.json")
    one = load(cpy, data, target, "one", "--summary-json", one_summary)
    check(one.returncode == 0, f"{label}: one-process load: {one.stderr}")
    base = ["--copybook", cpy, "--recfm", "VB", "--allow-trailing-bytes", "--table", "sp",
            "--input", data, "--target", target, "--no-progress", "--chunk-records", "100"]
    order = [3, 0, 4, 2, 1]
    for i in order[:3]:
        r = load(cpy, data, target, "sp", "--split", f"{i}/{SPLITS}")
        check(r.returncode == 0, f"{label}: split {i}: {r.stderr}")
    # Not every split is done: the finish names the missing ones and changes nothing.
    r = load(cpy, data, target, "sp", "--finish", "--splits", str(SPLITS))
    check(r.returncode == 1 and "1/5 (not started)" in r.stderr and "2/5 (not started)" in r.stderr,
          f"{label}: early finish: {r.returncode} {r.stderr}")
    job = "sp/split-2-of-5"

    def progress():
        try:
            got = query(f"SELECT records FROM mfbridge_checkpoints WHERE job = '{job}' AND status = 'running'")
            return int(got) if got.strip() else 0
        except (RuntimeError, ValueError):
            return 0
    # One record per chunk: a commit per record keeps the split running long enough for
    # the poll to see its first commits and kill it before its end.
    killed = [MFB, "load", *base[:-2], "--split", f"2/{SPLITS}", "--chunk-records", "1"]
    check(killed_mid_split(killed, progress),
          f"{label}: split 2 was killed with SIGKILL")
    cut = query(f"SELECT records, status FROM mfbridge_checkpoints WHERE job = '{job}'")
    check(cut.endswith("running") and int(cut.split("|")[0]) > 0,
          f"{label}: the killed split's checkpoint has committed records and is running: {cut}")
    for i in [2, 1, 3]:  # 2 resumes, 1 runs, 3 was done: loads nothing again
        r = load(cpy, data, target, "sp", "--split", f"{i}/{SPLITS}")
        check(r.returncode == 0, f"{label}: split {i} (again): {r.stderr}")
        if i == 2:
            check("resuming" in r.stderr, f"{label}: split 2 resumes: {r.stderr}")
        if i == 3:
            check("loaded already" in r.stderr, f"{label}: split 3 again: {r.stderr}")
    summary = os.path.join(os.path.dirname(data), label + ".summary.json")
    r = load(cpy, data, target, "sp", "--finish", "--splits", str(SPLITS), "--summary-json", summary)
    check(r.returncode == 0, f"{label}: finish: {r.stderr}")
    s = json.load(open(summary))
    check(s["records_read"] == N and s["records_loaded"] == N, f"{label}: finish summary {s}")
    # The control totals the finish reconciled equal the one-process load's (table names aside).
    whole = json.load(open(one_summary))["reconciliation"]
    merged = s["reconciliation"]
    figures = lambda rec: [(c["what"].split(" ", 1)[-1].split(".", 1)[-1], c["expected"], c["actual"], c["ok"])
                           for c in rec["checks"]]
    check(merged["performed"] and merged["ok"] and figures(merged) == figures(whole),
          f"{label}: the merged control totals equal the one-process load's: {figures(merged)}")
    rows_one = query("SELECT * FROM one ORDER BY 1")
    rows_sp = query("SELECT * FROM sp ORDER BY 1")
    check(rows_one == rows_sp and rows_one.count("\n") == N - 1,
          f"{label}: the rows equal the one-process load's ({rows_sp.count(chr(10)) + 1} rows)")
    totals = query("SELECT COUNT(*), COUNT(DISTINCT r_id), SUM(r_amt) FROM sp")
    want = sum(amount(i) for i in range(1, N + 1))
    check(totals.replace("|", " ").split()[:2] == [str(N), str(N)], f"{label}: count {totals}")
    got_sum = totals.split("|")[2]
    check(Decimal(got_sum) == Decimal(want) / 100, f"{label}: sum {got_sum} vs {Decimal(want) / 100}")
    # Finished splits and the finish itself are idempotent: a re-run adds no row.
    load(cpy, data, target, "sp", "--split", f"0/{SPLITS}")
    check(query("SELECT COUNT(*) FROM sp") == str(N), f"{label}: rows after a re-run")


def all_at_once(cpy, data, target, query):
    """Every split started at the same moment on an empty database: one sets the tables
    up while the others wait for it, and none fails."""
    procs = [subprocess.Popen([MFB, "load", "--copybook", cpy, "--recfm", "VB", "--allow-trailing-bytes",
                               "--table", "sp", "--input", data, "--target", target, "--no-progress",
                               "--split", f"{i}/{SPLITS}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
             for i in range(SPLITS)]
    errs = [p.communicate(timeout=300)[1].decode(errors="replace") for p in procs]
    check(all(p.returncode == 0 for p in procs),
          f"all splits at once: every one loads ({[p.returncode for p in procs]}) {[e for e in errs if 'error' in e]}")
    r = load(cpy, data, target, "sp", "--finish", "--splits", str(SPLITS))
    check(r.returncode == 0, f"all splits at once: finish: {r.stderr}")
    check(query("SELECT COUNT(*), COUNT(DISTINCT r_id) FROM sp") == f"{N}|{N}", "all splits at once: every row once")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        cpy = os.path.join(tmp, "r.cpy")
        open(cpy, "w").write(COPYBOOK)
        data = os.path.join(tmp, "r.vb")
        open(data, "wb").write(fw.write_vb(records(), 27998))
        db = os.path.join(tmp, "t.db")
        run_target("sqlite", cpy, data, "sqlite:" + db, lambda sql: sqlite(db, sql))
        # usage errors: a split past N, --range, a restart of a split
        for extra, why in [(["--split", "5/5"], "I must be less than N"),
                           (["--split", "0/0"], "N must be at least 1"),
                           (["--range", "0:100:1"], "not --range"),
                           (["--split", "0/5", "--restart"], "--restart")]:
            r = load(cpy, data, "sqlite:" + db, "sp", *extra)
            check(r.returncode == 1 and why in r.stderr, f"{extra}: {r.returncode} {r.stderr}")
        if pg_server.available():
            with pg_server.pg_server() as srv:
                run_target("postgresql", cpy, data, srv.uri, srv.psql)
                fresh = srv.fresh_database("together")
                cmd = srv.psql_cmd()
                cmd[cmd.index("-d") + 1] = "together"
                all_at_once(cpy, data, fresh, lambda sql: subprocess.run(
                    cmd + ["-At", "-c", sql], capture_output=True, text=True, check=True).stdout.strip())
        else:
            print("PostgreSQL binaries not found: the PostgreSQL half is skipped")
    return finish()


if __name__ == "__main__":
    sys.exit(main())
