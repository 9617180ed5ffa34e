"""Loads hit by real faults end with every record accounted for exactly once, on SQLite and
on a throwaway PostgreSQL: rows + rejects = records read, proved by the rows read back with
sqlite3/psql (independent clients), the checkpoint row, the summary, `mfbridge reconcile`
(the control totals) and the reject file, which holds the planted bad records' bytes once
each, in input order.

- kill -9 under each bad-record policy (fail, skip, reject), then the same command again;
- the PostgreSQL server stopped (`pg_ctl stop -m immediate`) mid-load: exit 4 with a message
  that says so and where; the re-run after the restart resumes;
- a full filesystem under the SQLite target (a small tmpfs; root only, else skipped with the
  reason): exit 4 naming the target; after the remount with room, the re-run resumes;
- a load refused for bad framing before any row is stored leaves no tables and no running
  checkpoint (and a refused --mode replace keeps the old tables): the corrected re-run
  needs no --restart.

The kill points are exact, not timed: the load reads its input from a pipe, and its reader
takes the input a MiB at a time (2048 records of 512 bytes), so the test feeds whole MiBs,
waits until the checkpoint shows the chunks before the pause committed and the rejects
after them written, then kills. The records come from Python's cp037 codec and the packed
decimal definition (script_checks.packed).

Usage: load_fault_test.py BUILD_DIR  (run from the repository root)"""


import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import MFB, sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402
import load_fault_support as fs  # noqa: E402
from load_fault_support import (BAD, BAD_LATE, CHUNK, MIB, N, REC, accounted, case,  # noqa: E402
                                committed, kill, paced, pg_query, resume, tables_of)
import pg_server  # noqa: E402


def kill_cases(label, tmp, make_target, query_for):
    # reject: killed twice (after 1 and 3 MiB), each time with uncommitted rejects on disk.
    c = case(tmp, label + "-reject", BAD)
    target = make_target("reject")
    q = query_for(target)
    args = c.args(target, "reject")
    for mibs in (1, 3):
        p = paced(f"{label} reject", c, args, q, mibs)
        if p is None:
            return
        kill(p)
        committed_bad = len([b for b in c.bad if b <= committed(q)])
        check(os.path.getsize(c.rej) > committed_bad * REC,
              f"{label} reject: after the kill at record {committed(q)}, the reject file holds "
              f"rejects beyond the committed chunk ({os.path.getsize(c.rej) // REC} records, "
              f"{committed_bad} committed)")
    resume(f"{label} reject", c, args)
    accounted(f"{label} reject", c, target, q, "reject")

    # skip: the count of bad records survives the kill.
    c = case(tmp, label + "-skip", BAD)
    target = make_target("skip")
    q = query_for(target)
    p = paced(f"{label} skip", c, c.args(target, "skip"), q, 1)
    if p is None:
        return
    kill(p)
    resume(f"{label} skip", c, c.args(target, "skip"))
    accounted(f"{label} skip", c, target, q, "skip")

    # fail: killed, resumed into the first bad record (exit 2, the chunks before it stay),
    # then resumed with --on-error reject to the end.
    c = case(tmp, label + "-fail", BAD_LATE)
    target = make_target("fail")
    q = query_for(target)
    p = paced(f"{label} fail", c, c.args(target, "fail"), q, 1)
    if p is None:
        return
    kill(p)
    r = subprocess.run(c.args(target, "fail"), input=c.data, capture_output=True, timeout=300)
    err = r.stderr.decode()
    first = BAD_LATE[0]
    check(r.returncode == 2 and f"record {first} " in err,
          f"{label} fail: resumed into bad record {first}: exit {r.returncode} {err[-200:]}")
    before = c.committed_at(first - 1)
    n = q("SELECT count(*) FROM tf")
    check(committed(q) == before and n == str(before),
          f"{label} fail: the chunks before it stay committed: checkpoint {committed(q)}, "
          f"rows {n}, want {before}")
    resume(f"{label} fail then reject", c, c.args(target, "reject"))
    accounted(f"{label} fail then reject", c, target, q, "reject")


def refused_cases(label, tmp, make_target, query_for):
    """Bad framing at record 1: nothing stored, nothing left; the fix needs no --restart."""
    c = case(tmp, label + "-framing", [])
    good_v = b"".join((REC + 4).to_bytes(2, "big") + b"\0\0" + r for r in c.records[:50])
    bad_v = b"\x00\x02\x00\x00" + good_v[4:]  # an RDW shorter than itself
    good_file, bad_file = c.file + ".v", c.file + ".bad.v"
    open(good_file, "wb").write(good_v)
    open(bad_file, "wb").write(bad_v)
    target = make_target("framing")
    q = query_for(target)

    def args(source, *extra):
        return [MFB, "load", "--copybook", fs.COPYBOOK_FILE, "--recfm", "V", "--table", "tf",
                "--input", source, "--target", target, "--no-progress", *extra]

    def running():
        try:
            return q("SELECT count(*) FROM mfbridge_checkpoints WHERE status = 'running'")
        except RuntimeError:
            return "0"

    r = subprocess.run(args(bad_file), capture_output=True, text=True)
    tables = tables_of(q)
    check(r.returncode == 2 and "record 1" in r.stderr,
          f"{label}: bad framing at record 1 exit {r.returncode}: {r.stderr.strip()[-200:]}")
    check("tf" not in tables and running() == "0",
          f"{label}: the refused load left no tables ({tables}) and no running checkpoint "
          f"({running()})")
    r = subprocess.run(args(good_file), capture_output=True, text=True)
    check(r.returncode == 0 and q("SELECT count(*) FROM tf") == "50",
          f"{label}: the corrected re-run needs no --restart: exit {r.returncode} "
          f"{r.stderr.strip()[-200:]}")
    r = subprocess.run(args(bad_file, "--mode", "replace"), capture_output=True, text=True)
    check(r.returncode == 2 and q("SELECT count(*) FROM tf") == "50" and running() == "0",
          f"{label}: a refused --mode replace keeps the old table's 50 rows "
          f"(exit {r.returncode}, rows {q('SELECT count(*) FROM tf')}, running {running()})")


def full_disk_case(tmp):
    """The SQLite file on a tmpfs too small for it: exit 4 naming the target; after the
    remount with room, the same command resumes."""
    if os.geteuid() != 0:
        print("SKIP part: full filesystem: needs root to mount a tmpfs")
        return
    mnt = os.path.join(tmp, "small")
    os.mkdir(mnt)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt],
                       capture_output=True, text=True)
    if r.returncode != 0:
        print(f"SKIP part: full filesystem: cannot mount a tmpfs: {r.stderr.strip()}")
        return
    try:
        c = case(tmp, "full", BAD)
        db = os.path.join(mnt, "full.db")
        target = "sqlite:" + db
        q = lambda s: sqlite(db, s)  # noqa: E731
        args = c.args(target, "reject", c.file)
        r = subprocess.run(args, capture_output=True, text=True, timeout=300)
        n = committed(q)
        check(r.returncode == 4 and target in r.stderr and "full" in r.stderr
              and "run the same command again" in r.stderr,
              f"full disk: exit {r.returncode}, names the target and what to do: "
              f"{r.stderr.strip()[-300:]}")
        check(0 < n < N, f"full disk: the load got part of the way ({n} records committed)")
        subprocess.run(["mount", "-o", "remount,size=64m", mnt], check=True)
        resume("full disk, then room", c, args)
        accounted("full disk", c, target, q, "reject")
    finally:
        subprocess.run(["umount", mnt])


def server_stop_case(pg, tmp):
    """The server stops while the load waits for more input: the next chunk's write fails."""
    c = case(tmp, "pg-stop", BAD)
    target = pg.fresh_database("stopped")
    q = pg_query(pg, "stopped")
    args = c.args(target, "reject")
    p = paced("postgresql stopped", c, args, q, 1)
    if p is None:
        return
    pg.stop_immediately()
    try:
        p.stdin.write(c.data[MIB * REC:])
        p.stdin.close()
    except BrokenPipeError:
        pass
    p.wait(timeout=120)
    err = open(c.file + ".stderr").read()
    at = next(i for i in range(c.committed_at(MIB) + 1, N) if i not in c.bad)
    check(p.returncode == 4 and f"the PostgreSQL server closed the connection at record {at}" in err
          and "run the same command again" in err and "client encoding" not in err,
          f"postgresql stopped: exit {p.returncode}, says what happened and where "
          f"(record {at}): {err.strip()[-400:]}")
    pg.start()
    resume("postgresql restarted", c, args)
    accounted("postgresql stopped and restarted", c, target, q, "reject")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-fault-")
    try:
        fs.COPYBOOK_FILE = os.path.join(tmp, "R.cpy")
        open(fs.COPYBOOK_FILE, "w").write(fs.COPYBOOK)
        sqlite_target = lambda n: "sqlite:" + os.path.join(tmp, n + ".db")  # noqa: E731
        sqlite_query = lambda t: (lambda s: sqlite(t[len("sqlite:"):], s))  # noqa: E731
        kill_cases("sqlite", tmp, sqlite_target, sqlite_query)
        refused_cases("sqlite", tmp, sqlite_target, sqlite_query)
        full_disk_case(tmp)
        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            def pg_target(n):
                return pg.fresh_database(n)

            def pg_query_for(uri):
                return pg_query(pg, urllib.parse.urlsplit(uri).path.lstrip("/"))
            kill_cases("postgresql", tmp, pg_target, pg_query_for)
            refused_cases("postgresql", tmp, pg_target, pg_query_for)
            server_stop_case(pg, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
