"""Shared by tests/rehost/db/load_fault_test.py (not a test itself): the input with planted bad
records (Python's cp037 codec, packed decimal from its definition), the paced load that
stops at an exact point, and the proof that every record is accounted for once."""

import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_support import MFB, mfb  # noqa: E402
from script_checks import check, packed  # noqa: E402

COPYBOOK_FILE = None  # set by the test: where COPYBOOK is written
REC = 512
MIB = (1 << 20) // REC  # records per read of the load's reader
N = 5 * MIB
CHUNK = 500
COPYBOOK = ("       01 R.\n"
            "          05 R-ID     PIC 9(8).\n"
            "          05 R-NAME   PIC X(20).\n"
            "          05 R-AMT    PIC S9(7)V99 COMP-3.\n"
            "          05 R-FILL   PIC X(479).\n")
# Bad records spread over the chunks, two of them after the first pause (record 2048) but
# before its next checkpoint, so a kill there leaves uncommitted rejects in the files.
BAD = [7, 480, 1333, 2010, 2040, 2600, 4100, 6001, 6100, 8191, N]
BAD_LATE = [b for b in BAD if b > 3000]  # the fail policy's input: good up to 3000


def amount(i):
    return (i * 7919) % 200000000 - 100000000  # cents, both signs


def record(i, bad):
    name = f"TAXPAYER {i}".ljust(20).encode("cp037")
    fill = (f"{i:08d}" * 60)[:479].encode("cp037")
    amt = packed(amount(i), 5)
    if bad:
        amt = b"\xab" + amt[1:]  # an A and a B digit nibble: no packed decimal
    return f"{i:08d}".encode("cp037") + name + amt + fill


class case:
    """One input file with bad records at `bad`, and where a load of it keeps things."""

    def __init__(self, tmp, label, bad):
        self.bad = bad
        self.records = [record(i, i in bad) for i in range(1, N + 1)]
        self.data = b"".join(self.records)
        self.file = os.path.join(tmp, label + ".dat")
        open(self.file, "wb").write(self.data)
        self.rej = os.path.join(tmp, label + ".rej")
        self.summary = os.path.join(tmp, label + ".summary.json")

    def committed_at(self, fed, bad=None):
        """The checkpoint after the first `fed` records: a chunk is CHUNK good records (under
        `bad`, the policy's bad records), so it ends at the record that completes one."""
        bad = self.bad if bad is None else bad
        good = [i for i in range(1, fed + 1) if i not in bad]
        return good[len(good) // CHUNK * CHUNK - 1] if len(good) >= CHUNK else 0

    def args(self, target, policy, source="-"):
        a = [MFB, "load", "--copybook", COPYBOOK_FILE, "--table", "tf", "--input", source,
             "--target", target, "--chunk-records", str(CHUNK), "--on-error", policy,
             "--no-progress", "--summary-json", self.summary]
        return a + (["--reject-file", self.rej] if policy == "reject" else [])


def ask(query, sql):
    """The query's answer, or its error (a check then fails with it, the test goes on)."""
    try:
        return query(sql)
    except RuntimeError as e:
        return str(e).strip()[-200:]


def committed(query):
    try:
        v = query("SELECT records FROM mfbridge_checkpoints WHERE job = 'tf'")
        return int(v) if v else 0
    except RuntimeError:  # no checkpoint table yet
        return 0


def wait_for(cond, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if cond():
            return True
        time.sleep(0.02)
    return cond()


def paced(label, c, args, query, mibs):
    """Start the load on a pipe and feed it `mibs` MiB; once the chunks before the pause
    committed (and, with a reject file, the rejects after them are written), return the
    running process. None (and a FAIL) if it does not get there."""
    fed = mibs * MIB
    err = open(c.file + ".stderr", "w+")
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=err,
                         start_new_session=True)
    p.stdin.write(c.data[:fed * REC])
    p.stdin.flush()
    want = c.committed_at(fed)
    ok = wait_for(lambda: p.poll() is not None or committed(query) >= want, 120)
    ok = ok and p.poll() is None and committed(query) == want
    if ok and "--reject-file" in args:
        written = REC * len([b for b in c.bad if b <= fed])
        got = wait_for(lambda: os.path.exists(c.rej) and os.path.getsize(c.rej) == written, 10)
        check(got, f"{label}: before the kill, the reject file holds the {written // REC} bad "
              f"records among the {fed} fed (size {os.path.getsize(c.rej) if os.path.exists(c.rej) else None})")
    check(ok, f"{label}: paused with {committed(query)} records committed (want {want}); "
          f"exit {p.poll()} {open(err.name).read()[-300:]}")
    return p if ok else None


def kill(p):
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    try:
        p.stdin.close()
    except BrokenPipeError:
        pass


def resume(label, c, args):
    p = subprocess.run(args, input=c.data, capture_output=True, timeout=300)
    check(p.returncode == 0, f"{label}: the same command again finishes: exit {p.returncode} "
          f"{p.stderr.decode()[-300:]}")
    return p


def accounted(label, c, target, query, policy):
    """Every record once: the good ones as rows, the bad ones counted (and rejected)."""
    good = [i for i in range(1, N + 1) if i not in c.bad]
    rows = [r.split("|") for r in ask(query, "SELECT mfb_record_no, r_id, r_amt FROM tf "
                                      "ORDER BY mfb_record_no").splitlines()]
    want = [(i, i, Decimal(amount(i)).scaleb(-2)) for i in good]
    got = [(int(r[0]), int(r[1]), Decimal(r[2])) for r in rows if len(r) == 3]
    check(got == want, f"{label}: the table holds the {len(good)} good records once each "
          f"({len(got)} rows; first difference "
          f"{next((g, w) for g, w in zip(got + [None] * len(want), want) if g != w) if got != want else None})")
    cp = ask(query, "SELECT status, records, rejected FROM mfbridge_checkpoints WHERE job = 'tf'")
    check(cp == f"done|{N}|{len(c.bad)}", f"{label}: checkpoint (status|records|rejected) "
          f"{cp!r}, want done|{N}|{len(c.bad)}")
    s = json.load(open(c.summary))
    check((s["records_read"], s["records_loaded"], s["records_rejected"]) ==
          (N, len(good), len(c.bad)),
          f"{label}: the summary counts the whole run: read {s['records_read']}, loaded "
          f"{s['records_loaded']}, rejected {s['records_rejected']} (want {N}, {len(good)}, "
          f"{len(c.bad)})")
    p = mfb("reconcile", "--target", target, "--dataset", "tf")
    check(p.returncode == 0, f"{label}: reconcile (control totals) exit {p.returncode} "
          f"{(p.stdout + p.stderr).strip()[-300:]}")
    if policy != "reject":
        return
    planted = b"".join(c.records[b - 1] for b in c.bad)
    got = open(c.rej, "rb").read()
    check(got == planted, f"{label}: the reject file holds the {len(c.bad)} bad records' "
          f"bytes once each ({len(got)} bytes, want {len(planted)})")
    log = c.rej + ".errors.jsonl"
    numbers = [json.loads(line)["record"] for line in open(log)] if os.path.exists(log) else []
    check(numbers == c.bad, f"{label}: FILE.errors.jsonl names each bad record once: {numbers}")



def tables_of(query):
    try:
        return query("SELECT name FROM sqlite_master WHERE type = 'table'").split()
    except RuntimeError:
        return query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split()


def pg_query(pg, dbname):
    def q(sql):
        r = subprocess.run(pg.psql_cmd()[:-2] + ["-d", dbname, "-At", "-c", sql],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError(r.stderr)
        return r.stdout.strip()
    return q
