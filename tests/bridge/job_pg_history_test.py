"""mfbridge run with a postgresql:// target keeps its run history in that database
(mfbridge_runs, mfbridge_run_steps). A throwaway server is started from the Debian
packages; the rows are read back with psql, an independent client."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from job_support import check, workspace  # noqa: E402

if not shutil.which("initdb") or not shutil.which("pg_ctl") or not shutil.which("psql"):
    print("SKIP: PostgreSQL server binaries not on PATH")
    sys.exit(0)


def as_server_user(cmd):
    # initdb refuses root; the tests may run as root in containers.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + cmd
    return cmd


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


base = tempfile.mkdtemp(prefix="mfb-pg-")
os.chmod(base, 0o777)
data, sock = os.path.join(base, "data"), os.path.join(base, "sock")
os.mkdir(sock)
os.chmod(sock, 0o777)
if os.geteuid() == 0:
    shutil.chown(base, "postgres")
port = free_port()
subprocess.run(as_server_user(["initdb", "-D", data, "-A", "trust", "-U", "postgres"]), check=True,
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
subprocess.run(as_server_user(["pg_ctl", "-D", data, "-w", "-l", os.path.join(base, "log"), "-o",
                               f"-k {sock} -p {port} -c listen_addresses=''", "start"]),
               check=True, stdout=subprocess.DEVNULL)
uri = f"postgresql://postgres@/postgres?host={sock}&port={port}"


def psql(sql):
    return subprocess.run(["psql", "-X", "-At", "-h", sock, "-p", str(port), "-U", "postgres",
                           "-d", "postgres", "-c", sql], check=True, capture_output=True,
                          text=True).stdout.strip()


try:
    ws = workspace()
    ws.records("in.dat", ["ALPHA", "BRAVO"])
    ws.write("job.yaml", f"job: pgjob\ntarget: '{uri}'\nsteps:\n"
             "  - name: unload\n    convert: {copybook: rec.cpy, input: in.dat, output: out.jsonl}\n"
             "  - name: count\n    check:\n      record_count: {input: '${IN}', lrecl: 10, min: 2, max: 2}\n")
    p = ws.run("run", "job.yaml", "--var", "IN=missing.dat")
    check(p.returncode == 4, f"first run exit {p.returncode}\n{p.stderr}")
    check(not os.path.exists(ws.path(".mfbridge/history.sqlite")), "history went to SQLite, not the target")
    shutil.copy(ws.path("in.dat"), ws.path("missing.dat"))
    p = ws.run("run", "job.yaml", "--var", "IN=missing.dat")
    check(p.returncode == 0 and "skipped (completed in run 1)" in p.stderr, p.stderr)
    rows = psql("SELECT run_id, status, exit_code, coalesce(resumed_from::text, '-'), "
                "variables->>'IN' FROM mfbridge_runs ORDER BY run_id").splitlines()
    check(rows == ["1|failed|4|-|missing.dat", "2|succeeded|0|1|missing.dat"], f"runs {rows}")
    steps = psql("SELECT run_id, name, status, coalesce(exit_code::text, '-'), "
                 "coalesce(completed_in::text, '-'), "
                 "coalesce(summary->>'records_written', summary->'checks'->0->>'records', '-') "
                 "FROM mfbridge_run_steps ORDER BY run_id, step_index").splitlines()
    want = ["1|unload|ok|0|-|2", "1|count|failed|4|-|-", "2|unload|skipped|-|1|-", "2|count|ok|0|-|2"]
    check(steps == want, f"steps {steps}")
    check(psql("SELECT count(*) FROM mfbridge_runs WHERE ended_at >= started_at") == "2", "times")
    p = ws.run("runs", "--target", uri, "--json")
    got = json.loads(p.stdout)
    check([r["run"] for r in got] == [2, 1] and got[0]["steps"][1]["summary"]["checks"][0]["records"] == 2,
          p.stdout)
    check(got[0]["started_at"].endswith("Z") and got[0]["variables"]["IN"] == "missing.dat", p.stdout)
    ws.cleanup()
finally:
    subprocess.run(as_server_user(["pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(base, ignore_errors=True)
print("ok")
