"""mfbridge run with a postgresql:// target keeps its run history in that database
(mfbridge_runs, mfbridge_run_steps). A throwaway server is started by
tests/support/pg_server.py; the rows are read back with psql, an independent client."""

import json
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from job_support import check, workspace  # noqa: E402
import pg_server  # noqa: E402

if not pg_server.available():
    print("SKIP: PostgreSQL server binaries not on PATH")
    sys.exit(0)


def run_test(pg):
    uri, psql = pg.uri, pg.psql
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


with pg_server.pg_server() as server:
    run_test(server)
print("ok")
