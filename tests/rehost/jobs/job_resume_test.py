"""mfbridge run: the overlap lock, resuming a failed run (skipping completed steps),
re-running a step whose process was SIGKILLed, surviving a SIGKILLed runner, --restart, and
`mfbridge runs`. A FIFO stands in for a big input: the convert step blocks reading it, so
the test can kill it mid-step deterministically, without generating a large file. The runs
that kill a step run their steps as child processes (--isolate-steps); the others run them
in process, the default."""

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from job_support import MFBRIDGE, check, workspace  # noqa: E402

NAMES = ["ALPHA", "BRAVO", "CHARLIE"]
JOB = """\
job: nightly
steps:
  - name: first
    convert: {copybook: rec.cpy, input: in.dat, output: a.jsonl}
  - name: second
    convert: {copybook: rec.cpy, input: '${SECOND}', output: b.jsonl}
  - name: third
    convert: {copybook: rec.cpy, input: in.dat, output: c.jsonl}
"""


def steps_of(ws, run_id):
    con = sqlite3.connect(ws.path(".mfbridge/history.sqlite"))
    rows = con.execute("SELECT name, status, exit_code, completed_in, message FROM mfbridge_run_steps "
                       "WHERE run_id = ? ORDER BY step_index", (run_id,)).fetchall()
    run = con.execute("SELECT status, exit_code, resumed_from FROM mfbridge_runs WHERE run_id = ?",
                      (run_id,)).fetchone()
    con.close()
    return run, rows


def names_in(ws, name):
    with open(ws.path(name)) as f:
        return [json.loads(line)["NAME"] for line in f]


def test_resume_after_missing_file():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", JOB)
    p = ws.run("run", "job.yaml", "--var", "SECOND=second.dat")
    check(p.returncode == 4, f"missing input: exit {p.returncode}\n{p.stderr}")
    run, rows = steps_of(ws, 1)
    check(run == ("failed", 4, None), f"run 1 {run}")
    check([r[1] for r in rows] == ["ok", "failed", "not_run"], f"run 1 steps {rows}")
    os.remove(ws.path("a.jsonl"))  # shows that the completed step is not run again
    ws.records("second.dat", ["DELTA", "ECHO"])
    p = ws.run("run", "job.yaml", "--var", "SECOND=second.dat")
    check(p.returncode == 0, f"resumed run exit {p.returncode}\n{p.stderr}")
    check("first (convert): skipped (completed in run 1)" in p.stderr, p.stderr)
    check(not os.path.exists(ws.path("a.jsonl")), "a completed step ran again")
    check(names_in(ws, "b.jsonl") == ["DELTA", "ECHO"], "second step output")
    check(names_in(ws, "c.jsonl") == NAMES, "third step output")
    run, rows = steps_of(ws, 2)
    check(run == ("succeeded", 0, 1), f"run 2 {run}")
    check([(r[1], r[3]) for r in rows] == [("skipped", 1), ("ok", None), ("ok", None)], f"run 2 steps {rows}")
    # After a success, the next run starts afresh.
    p = ws.run("run", "job.yaml", "--var", "SECOND=second.dat")
    check(p.returncode == 0 and "skipped" not in p.stderr and os.path.exists(ws.path("a.jsonl")), p.stderr)
    # Other variables: a failed run is not resumed. --restart: not resumed either.
    p = ws.run("run", "job.yaml", "--var", "SECOND=none.dat")
    check(p.returncode == 4, p.stderr)
    p = ws.run("run", "job.yaml", "--var", "SECOND=other.dat")
    check("with other variables; starting afresh" in p.stderr and "skipped" not in p.stderr, p.stderr)
    p = ws.run("run", "job.yaml", "--var", "SECOND=other.dat", "--restart")
    check("--restart starts afresh" in p.stderr and "skipped" not in p.stderr, p.stderr)

    # runs: a table and JSON, checked against the history database itself.
    con = sqlite3.connect(ws.path(".mfbridge/history.sqlite"))
    want = con.execute("SELECT run_id, status, exit_code FROM mfbridge_runs ORDER BY run_id DESC").fetchall()
    con.close()
    check(len(want) == 6, f"{len(want)} runs stored")
    p = ws.run("runs", "job.yaml", "--json")
    check(p.returncode == 0, p.stderr)
    got = json.loads(p.stdout)
    check([(r["run"], r["status"], r["exit_code"]) for r in got] == want, f"runs --json {got}")
    check(got[-1]["steps"][0]["summary"]["records_written"] == 3, "stored convert summary")
    p = ws.run("runs", "--state-dir", ".mfbridge", "--limit", "2")
    lines = p.stdout.strip().splitlines()
    check(len(lines) == 3 and lines[1].split()[:4] == ["6", "nightly", "failed", "4"], p.stdout)
    p = ws.run("runs", "--state-dir", ".mfbridge", "--job", "other", "--json")
    check(json.loads(p.stdout) == [], p.stdout)
    ws.cleanup()


def test_lock():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", JOB)
    os.makedirs(ws.path(".mfbridge"))
    with open(ws.path(".mfbridge/nightly.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        lock.write("12345\n")
        lock.flush()
        p = ws.run("run", "job.yaml", "--var", "SECOND=in.dat")
        check(p.returncode == 4, f"overlapping run exit {p.returncode}")
        check("already running (pid 12345" in p.stderr, p.stderr)
        check(not os.path.exists(ws.path("a.jsonl")), "an overlapping run ran a step")
    p = ws.run("run", "job.yaml", "--var", "SECOND=in.dat")
    check(p.returncode == 0, f"after the lock is free: {p.stderr}")
    ws.cleanup()


def start_blocked_run(ws):
    """Start the job with its second step reading a FIFO; return (runner, convert pid)."""
    os.mkfifo(ws.path("pipe.dat"))
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC"}
    runner = subprocess.Popen([MFBRIDGE, "run", "job.yaml", "--isolate-steps", "--var", "SECOND=pipe.dat"], cwd=ws.dir,
                              env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + 30
    fd = None
    while fd is None and time.time() < deadline:
        try:  # succeeds once the convert step has opened the FIFO for reading
            fd = os.open(ws.path("pipe.dat"), os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            time.sleep(0.02)
    check(fd is not None, "the convert step never opened its input")
    os.write(fd, "ONE".ljust(10).encode("cp037"))
    with open(f"/proc/{runner.pid}/task/{runner.pid}/children") as f:
        children = [int(c) for c in f.read().split()]
    check(len(children) == 1, f"runner children {children}")
    with open(f"/proc/{children[0]}/cmdline", "rb") as f:
        argv = f.read().split(b"\0")
    check(b"convert" in argv and b"pipe.dat" in argv, f"child argv {argv}")
    return runner, children[0], fd


def replace_fifo(ws):
    os.remove(ws.path("pipe.dat"))
    ws.records("pipe.dat", ["ONE", "TWO"])


def test_killed_step():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", JOB)
    runner, child, fd = start_blocked_run(ws)
    os.kill(child, signal.SIGKILL)
    os.close(fd)
    out, err = runner.communicate(timeout=30)
    check(runner.returncode == 4, f"runner exit {runner.returncode}\n{err}")
    check("killed by signal 9" in err, err)
    run, rows = steps_of(ws, 1)
    check(run[0] == "failed" and [r[1] for r in rows] == ["ok", "failed", "not_run"], f"{run} {rows}")
    check("signal 9" in rows[1][4], rows[1])
    replace_fifo(ws)
    p = ws.run("run", "job.yaml", "--var", "SECOND=pipe.dat")
    check(p.returncode == 0, p.stderr)
    check("first (convert): skipped (completed in run 1)" in p.stderr, p.stderr)
    check(names_in(ws, "b.jsonl") == ["ONE", "TWO"], "the killed step ran again")
    ws.cleanup()


def test_killed_runner():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", JOB)
    runner, child, fd = start_blocked_run(ws)
    os.kill(runner.pid, signal.SIGKILL)
    runner.communicate(timeout=30)
    os.close(fd)
    deadline = time.time() + 10  # the step dies with its runner (no orphan keeps writing)
    while os.path.exists(f"/proc/{child}") and time.time() < deadline:
        try:
            with open(f"/proc/{child}/stat") as f:
                if f.read().split(") ")[1].startswith("Z"):
                    break
        except OSError:
            break
        time.sleep(0.05)
    check(time.time() < deadline, "the convert step outlived its killed runner")
    replace_fifo(ws)
    p = ws.run("run", "job.yaml", "--var", "SECOND=pipe.dat")
    check(p.returncode == 0, p.stderr)
    check("resuming run 1" in p.stderr and "skipped (completed in run 1)" in p.stderr, p.stderr)
    run, rows = steps_of(ws, 1)
    check(run[0] == "interrupted" and rows[1][1] == "interrupted", f"run 1 after restart {run} {rows}")
    check(names_in(ws, "b.jsonl") == ["ONE", "TWO"], "the interrupted step ran again")
    ws.cleanup()


def test_stopped_runner():
    """SIGTERM (systemd stopping the unit) reaches the step; the run is recorded as interrupted."""
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", JOB)
    runner, child, fd = start_blocked_run(ws)
    os.kill(runner.pid, signal.SIGTERM)
    out, err = runner.communicate(timeout=30)
    os.close(fd)
    check(runner.returncode == 4, f"stopped runner exit {runner.returncode}\n{err}")
    check(not os.path.exists(f"/proc/{child}"), "the step survived SIGTERM to its runner")
    run, rows = steps_of(ws, 1)
    check(run[0] == "interrupted" and [r[1] for r in rows] == ["ok", "interrupted", "not_run"], f"{run} {rows}")
    replace_fifo(ws)
    p = ws.run("run", "job.yaml", "--var", "SECOND=pipe.dat")
    check(p.returncode == 0 and "resuming run 1" in p.stderr, p.stderr)
    ws.cleanup()


test_resume_after_missing_file()
test_lock()
test_stopped_runner()
test_killed_step()
test_killed_runner()
print("ok")
