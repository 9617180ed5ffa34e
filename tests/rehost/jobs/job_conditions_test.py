"""mfbridge run: JCL-like conditions, the job's exit code (the worst step's), dry runs and
configuration errors. Expected values come from the job's own definition and from Python
(cp037 codec for the data, sqlite3 for the stored history), not from mfbridge's output."""

import json
import os
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from job_support import check, workspace  # noqa: E402

NAMES = ["ALPHA", "BRAVO", "CHARLIE"]

CONDITIONS = """\
job: cond
log: run.log.jsonl
steps:
  - name: unload
    convert: {copybook: rec.cpy, input: in.dat, output: out1.jsonl, no-progress: true}
  - name: count
    check:
      record_count: {input: in.dat, copybook: rec.cpy, min: 5}
  - name: skipped-after-failure
    convert: {copybook: rec.cpy, input: in.dat, output: out3.jsonl}
  - name: cleanup
    when: always
    convert: {copybook: rec.cpy, input: nowhere.dat, output: out4.jsonl}
  - name: alert
    when: on_failure
    check:
      file_exists: [in.dat, rec.cpy]
  - name: only-if-fine
    when: on_failure
    check:
      file_exists: in.dat
"""


def history(ws, db=".mfbridge/history.sqlite"):
    con = sqlite3.connect(ws.path(db))
    runs = con.execute("SELECT run_id, job, status, exit_code FROM mfbridge_runs ORDER BY run_id").fetchall()
    steps = con.execute("SELECT run_id, step_index, name, status, exit_code, summary "
                        "FROM mfbridge_run_steps ORDER BY run_id, step_index").fetchall()
    con.close()
    return runs, steps


def test_conditions():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", CONDITIONS)
    p = ws.run("run", "job.yaml")
    # count fails with 3 (a control total out of bounds), cleanup with 4 (missing input):
    # the job's code is the worst of them.
    check(p.returncode == 4, f"job exit {p.returncode}, expected 4\n{p.stderr}")
    with open(ws.path("out1.jsonl")) as f:
        got = [json.loads(line)["NAME"] for line in f]
    check(got == NAMES, f"unload wrote {got}")
    check(not os.path.exists(ws.path("out3.jsonl")), "a step after a failure ran")
    runs, steps = history(ws)
    check(runs == [(1, "cond", "failed", 4)], f"runs {runs}")
    got = [(s[2], s[3], s[4]) for s in steps]
    want = [("unload", "ok", 0), ("count", "failed", 3), ("skipped-after-failure", "not_run", None),
            ("cleanup", "failed", 4), ("alert", "ok", 0), ("only-if-fine", "ok", 0)]
    check(got == want, f"steps {got}\nwant {want}")
    summary = json.loads(steps[0][5])
    check(summary["records_read"] == 3 and summary["records_written"] == 3, f"convert summary {summary}")
    count = json.loads(steps[1][5])["checks"][0]
    check(count["records"] == 3 and count["ok"] is False, f"count summary {count}")
    check("not run (an earlier step failed)" in p.stderr, p.stderr)
    check(p.stderr.count("mfbridge run: cond step ") == 6, f"one line per step:\n{p.stderr}")
    events = [json.loads(line) for line in open(ws.path("run.log.jsonl"))]
    kinds = [(e["event"], e.get("step")) for e in events]
    check(kinds[0] == ("job_start", None) and kinds[-1] == ("job_end", None), f"log {kinds}")
    check(("step_start", "unload") in kinds and ("step_end", "unload") in kinds, f"log {kinds}")
    check(("step_start", "skipped-after-failure") not in kinds, "log: a step that did not run started")
    check(all("time" in e and e["time"].endswith("Z") for e in events), "log lines need UTC times")
    ws.cleanup()


def test_all_ok_and_bad_data():
    ws = workspace()
    ws.records("in.dat", NAMES)
    with open(ws.path("short.dat"), "wb") as f:  # 25 bytes: 2 records and a 5-byte fragment
        f.write("".join(n.ljust(10) for n in NAMES).encode("cp037")[:25])
    ws.write("ok.yaml", "job: fine\nsteps:\n"
             "  - name: a\n    convert: {copybook: rec.cpy, input: in.dat, output: a.jsonl}\n"
             "  - name: b\n    when: on_failure\n    convert: {copybook: rec.cpy, input: in.dat, output: b.jsonl}\n")
    p = ws.run("run", "ok.yaml")
    check(p.returncode == 0, f"all-ok job exit {p.returncode}\n{p.stderr}")
    check(not os.path.exists(ws.path("b.jsonl")), "on_failure step ran after success")
    ws.write("bad.yaml", "job: bad\nsteps:\n"
             "  - name: count\n    check:\n      record_count: {input: short.dat, lrecl: 10, max: 9}\n")
    p = ws.run("run", "bad.yaml")
    check(p.returncode == 2, f"framing error should be exit 2, got {p.returncode}\n{p.stderr}")
    ws.cleanup()


def test_dry_run():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", CONDITIONS.replace("nowhere.dat", "out1.jsonl"))
    p = ws.run("run", "job.yaml", "--dry-run")
    check(p.returncode == 0, f"dry run exit {p.returncode}\n{p.stdout}{p.stderr}")
    check("mfbridge convert --copybook rec.cpy --input in.dat --output out1.jsonl --no-progress" in p.stdout,
          p.stdout)
    check("record_count input=in.dat copybook=rec.cpy min=5" in p.stdout, p.stdout)
    for i, name in enumerate(["unload", "count", "skipped-after-failure", "cleanup", "alert"], 1):
        check(f"{i:3d}. {name} (" in p.stdout, f"plan lacks step {name}\n{p.stdout}")
    check(not os.path.exists(ws.path("out1.jsonl")), "dry run converted")
    check(not os.path.exists(ws.path(".mfbridge")), "dry run created state")
    check(not os.path.exists(ws.path("run.log.jsonl")), "dry run wrote the log")
    # Inputs that do not exist, options the command lacks and missing variables: exit 1.
    ws.write("bad.yaml", "job: bad\nsteps:\n"
             "  - name: a\n    convert: {copybook: rec.cpy, input: gone.dat, no-such-flag: 1}\n")
    p = ws.run("run", "bad.yaml", "--dry-run")
    check(p.returncode == 1, f"bad dry run exit {p.returncode}")
    check("gone.dat, which does not exist" in p.stdout, p.stdout)
    check("has no option --no-such-flag" in p.stdout, p.stdout)
    p = ws.run("run", "bad.yaml")  # a real run refuses an unknown option before any step
    check(p.returncode == 1 and "--no-such-flag" in p.stderr, p.stderr)
    ws.cleanup()


def test_config_errors():
    ws = workspace()
    ws.records("in.dat", NAMES)
    ws.write("job.yaml", "job: v\nsteps:\n  - name: a\n    convert:\n      copybook: rec.cpy\n"
             "      input: ${DATA_DIR}/in.dat\n")
    for extra in ([], ["--dry-run"]):
        p = ws.run("run", "job.yaml", *extra)
        check(p.returncode == 1, f"unknown variable exit {p.returncode}")
        check("job.yaml:6:14: unknown variable ${DATA_DIR}" in p.stderr, p.stderr)
    check(not os.path.exists(ws.path(".mfbridge")), "a configuration error created state")
    # Precedence: --var over vars: over the environment.
    ws.write("prec.yaml", "job: p\nvars:\n  A: from-vars\nsteps:\n  - name: a\n    check:\n"
             "      file_exists: ['${A}', '${B}']\n")
    p = ws.run("run", "prec.yaml", "--dry-run", env={"A": "from-env", "B": "env-b"})
    check("path=from-vars path=env-b" in p.stdout, p.stdout)
    p = ws.run("run", "prec.yaml", "--dry-run", "--var", "A=from-cli", env={"A": "from-env", "B": "b"})
    check("path=from-cli path=b" in p.stdout, p.stdout)
    for text, want in [("job: x\nsteps: []\n", "steps must be a non-empty list"),
                       ("job: x\nsteps:\n  - name: a\n    copy: {}\n", "job.yaml:4:5: unknown step key copy"),
                       ("job: x\nsteps:\n  - name: a\n    when: sometimes\n    check: {file_exists: a}\n",
                        "job.yaml:4:11: when must be always"),
                       ("job: x\nsteps:\n  - name: a\n    check: {file_exists: a}\n  - name: a\n"
                        "    check: {file_exists: b}\n", "duplicate step name a")]:
        ws.write("job.yaml", text)
        p = ws.run("run", "job.yaml")
        check(p.returncode == 1 and want in p.stderr, f"{want!r} not in\n{p.stderr}")
    ws.cleanup()


test_conditions()
test_all_ok_and_bad_data()
test_dry_run()
test_config_errors()
print("ok")
