"""The README's main job, samples/jobs/nightly.yaml, run as the demo runs it, with its
outputs checked against independent sources:
- the write-back file must equal today's GnuCOBOL-written master file byte for byte;
- the PAYE unload must hold one JSON line per record of the file (80-byte records);
- table row counts, read with Python's sqlite3 module, must equal the record counts the
  sample READMEs give (the legacy programs' own counts);
- the run history must list the run with all steps ok.
Outputs go to a temporary folder (--var OUT=..., --state-dir), never into samples/."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BUILD = sys.argv[1]
MFB = os.path.join(BUILD, "mfbridge")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


tmp = tempfile.mkdtemp(prefix="mfb-nightly-")
try:
    out = os.path.join(tmp, "out")
    os.makedirs(out)
    state = os.path.join(tmp, "state")
    args = ["samples/jobs/nightly.yaml", "--var", "RUN_DATE=2026-11-21", "--var", f"OUT={out}",
            "--state-dir", state]
    p = subprocess.run([MFB, "run", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    check(p.returncode == 0, f"nightly job exit {p.returncode}\n{p.stderr[-3000:]}")

    with open(os.path.join(out, "TAXPAYER.WRITEBACK.D20261121"), "rb") as f, \
            open("samples/taxpayer/TAXPAYER.D20261121", "rb") as g:
        check(f.read() == g.read(), "write-back differs from today's master file")

    paye_records = os.path.getsize("samples/paye/PAYE.D20261121") // 80
    with open(os.path.join(out, "PAYE.D20261121.jsonl")) as f:
        lines = [json.loads(line) for line in f]
    check(len(lines) == paye_records == 456, f"PAYE unload has {len(lines)} lines, file {paye_records}")
    kinds = {}
    for rec in lines:
        kinds[rec["_record"]] = kinds.get(rec["_record"], 0) + 1
    check(kinds == {"PAYE-HEADER-REC": 3, "PAYE-DETAIL-REC": 450, "PAYE-TRAILER-REC": 3},
          f"PAYE record types {kinds}")

    db = sqlite3.connect(os.path.join(out, "nightly.db"))
    count = lambda t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: E731
    # Counts from the sample READMEs: 242 taxpayers today (240 + 8 inserts - 6 deletes),
    # 450 PAYE details under 3 employers, 400 council tax accounts, 300 LTT returns, 360 claims.
    check(count("taxpayer") == 242, f"taxpayer rows {count('taxpayer')}")
    check(count("paye_detail_rec") == 450, "paye detail rows")
    check(count("council_tax_ct_card") + count("council_tax_ct_counter")
          + count("council_tax_ct_direct_debit") == 400, "council tax rows")
    check(count("ltt_returns") == 300 and count("benefit_claims") == 360, "ltt / benefits rows")
    parents = dict(db.execute("SELECT parent_ph_employer_ref, count(*) FROM paye_detail_rec "
                              "GROUP BY 1").fetchall())
    check(sorted(parents.values()) == [60, 150, 240], f"details per employer {parents}")
    db.close()

    # Right after the job every dataset reconciles, the delta-applied taxpayer one included
    # (the delta kept its expected totals current).
    for dataset in ("paye", "taxpayer", "council_tax", "ltt_returns", "benefit_claims"):
        p = subprocess.run([MFB, "reconcile", "--target", "sqlite:" + os.path.join(out, "nightly.db"),
                            "--dataset", dataset], capture_output=True, text=True)
        check(p.returncode == 0, f"reconcile {dataset} after the job: exit {p.returncode}\n"
              f"{p.stdout[-1000:]}{p.stderr[-500:]}")

    # The demo runs the job again each time: a second, fresh run over the same database
    # (tables replaced, hierarchy parents dropped before their children) must succeed too.
    p = subprocess.run([MFB, "run", *args, "--restart"], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    check(p.returncode == 0, f"second nightly run exit {p.returncode}\n{p.stderr[-3000:]}")

    p = subprocess.run([MFB, "runs", "samples/jobs/nightly.yaml", "--var", f"OUT={out}", "--json"],
                       capture_output=True, text=True)
    check(p.returncode == 0, f"runs exit {p.returncode}: {p.stderr}")
    runs = json.loads(p.stdout) if p.returncode == 0 else []
    runs = runs.get("runs", runs) if isinstance(runs, dict) else runs
    check(len(runs) == 2 and all(r.get("status") == "succeeded" for r in runs),
          f"run history {p.stdout[:500]}")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

if failures:
    sys.exit(1)
print("nightly job: OK")
