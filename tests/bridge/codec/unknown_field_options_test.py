"""Options that change what is stored are never ignored. On every subcommand, an option
that names a field (or a record type, or a dataset) which the copybook lacks is a usage
error (exit 1) naming it and offering the closest names, and nothing is created: no
database file, no table, no output file. `--key A --key B` keeps both (a composite key),
checked against the table's primary key as SQLite's own PRAGMA table_info reports it.
The field names come from the taxpayer sample's copybook (TP-KEY, TP-STATUS, TP-SURNAME...).

Usage: unknown_field_options_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import SAMPLES, mfb, sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402

OPTS, DATA = SAMPLES["taxpayer"]
CPY = "samples/taxpayer/TAXPAYER.cpy"


def refused(label, args, named, suggested, outputs):
    """Run mfbridge; expect exit 1, the unknown name and the suggestion, and none of
    `outputs` created."""
    p = mfb(*args)
    err = p.stderr
    check(p.returncode == 1, f"{label}: exit {p.returncode}, expected 1 ({err.strip()[:300]!r})")
    check(named in err, f"{label}: the message names {named}")
    check(f"did you mean {suggested}" in err, f"{label}: the message suggests {suggested}")
    for path in outputs:
        check(not os.path.exists(path), f"{label}: {os.path.basename(path)} was not created")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-names-")
    try:
        db = os.path.join(tmp, "tp.db")
        out = os.path.join(tmp, "out.jsonl")
        load = ["load", *OPTS, "--input", DATA, "--target", "sqlite:" + db, "--table", "tp",
                "--no-progress"]
        refused("load --key", load + ["--key", "TP-KEYS"], "TP-KEYS", "TP-KEY", [db])
        refused("load --key without --table",
                ["load", *OPTS, "--input", DATA, "--target", "sqlite:" + db, "--key", "TP-KEYS"],
                "TP-KEYS", "TP-KEY", [db])
        refused("load --key RECORD=", load + ["--key", "TAXPAYER-MASTR=TP-KEY"],
                "TAXPAYER-MASTR", "TAXPAYER-MASTER", [db])
        refused("load --index", load + ["--key", "TP-KEY", "--index", "TP-SURNAM"], "TP-SURNAM",
                "TP-SURNAME", [db])
        refused("load --raw", load + ["--raw", "TP-STATU"], "TP-STATU", "TP-STATUS", [db])
        refused("load --select", load + ["--select", "TP-STATU=A:TAXPAYER-MASTER"], "TP-STATU",
                "TP-STATUS", [db])
        refused("load --trailer-check", load + ["--trailer-check", "TP-BALANC=count"],
                "TP-BALANC", "TP-BALANCE", [db])
        refused("load --record", load + ["--record", "TAXPAYER-MASTR"], "TAXPAYER-MASTR",
                "TAXPAYER-MASTER", [db])

        refused("ddl --key", ["ddl", *OPTS, "--table", "tp", "--key", "TP-KEYS"], "TP-KEYS",
                "TP-KEY", [])
        refused("ddl --index", ["ddl", *OPTS, "--table", "tp", "--index", "TP-POSTCOD"],
                "TP-POSTCOD", "TP-POSTCODE", [])

        conv = ["convert", *OPTS, "--input", DATA, "--output", out, "--no-progress"]
        refused("convert --raw", conv + ["--raw", "TP-STATU"], "TP-STATU", "TP-STATUS", [out])
        refused("convert --select", conv + ["--select", "TP-STATU=A:TAXPAYER-MASTER"],
                "TP-STATU", "TP-STATUS", [out])
        refused("convert --length-field",
                ["convert", "--copybook", CPY, "--codepage", "cp285", "--input", DATA,
                 "--output", out, "--recfm", "LENGTH-FIELD", "--length-field", "TP-REGION-COD"],
                "TP-REGION-COD", "TP-REGION-CODE", [out])

        refused("delta --key", ["delta", *OPTS, "--old", DATA, "--new", DATA, "--key", "TP-KEYS",
                                "--output", out], "TP-KEYS", "TP-KEY", [out])

        jsonl = os.path.join(tmp, "in.jsonl")
        with open(jsonl, "w") as f:
            f.write("{}\n")
        enc_out = os.path.join(tmp, "out.dat")
        enc = ["encode", "--copybook", CPY, "--codepage", "cp285", "--input", jsonl, "--output",
               enc_out]
        refused("encode --keep", enc + ["--keep", "TP-NAM"], "TP-NAM", "TP-NAME", [enc_out])
        refused("encode --raw", enc + ["--raw", "TP-STATU"], "TP-STATU", "TP-STATUS", [enc_out])
        refused("encode --record", enc + ["--record", "TAXPAYER-MASTR"], "TAXPAYER-MASTR",
                "TAXPAYER-MASTER", [enc_out])

        refused("inspect --raw", ["inspect", *OPTS, "--input", DATA, "--record-number", "1",
                                  "--raw", "TP-STATU"],
                "TP-STATU", "TP-STATUS", [])

        # A load that works, then export with a misspelt dataset name.
        check(not os.path.exists(db), "no refused load created the database file")
        p = mfb(*load, "--key", "TP-KEY", "--key", "TP-DATE-OF-BIRTH")
        check(p.returncode == 0, f"load with --key twice: exit {p.returncode} {p.stderr[-300:]!r}")
        pk = sqlite(db, "SELECT name FROM pragma_table_info('tp') WHERE pk > 0 ORDER BY pk")
        check(pk.split() == ["tp_tax_ref", "tp_check_digit", "tp_date_of_birth"],
              f"--key TP-KEY --key TP-DATE-OF-BIRTH keeps both in the primary key: {pk.split()}")
        exp_out = os.path.join(tmp, "export.dat")
        refused("export --dataset", ["export", "--target", "sqlite:" + db, "--dataset", "tpp",
                                     "--output", exp_out], "tpp", "tp", [exp_out])

        # A job step passes its options to the same command: the run stops at that step.
        job = os.path.join(tmp, "job.yaml")
        db2 = os.path.join(tmp, "job.db")
        with open(job, "w") as f:
            f.write("job: names\ntarget: sqlite:%s\nsteps:\n  - name: tp-load\n    load:\n"
                    "      copybook: %s\n      codepage: cp285\n      input: %s\n"
                    "      table: tp\n      key: TP-KEYS\n" % (db2, os.path.abspath(CPY),
                                                             os.path.abspath(DATA)))
        p = mfb("run", job, "--state-dir", os.path.join(tmp, "state"))
        check(p.returncode == 1, f"job step: exit {p.returncode}, expected 1 {p.stderr[-400:]!r}")
        check("TP-KEYS" in p.stderr and "did you mean TP-KEY" in p.stderr,
              "job step: the step's message names TP-KEYS and suggests TP-KEY")
        tables = sqlite(db2, "SELECT name FROM sqlite_master WHERE name = 'tp'") \
            if os.path.exists(db2) else ""
        check(tables == "", "job step: no table tp was created")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
