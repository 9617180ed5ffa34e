"""Reconcile after an applied delta, on SQLite and PostgreSQL: `delta --apply-to` keeps the
dataset's expected control totals current, so `reconcile` right after it matches, and the
expected figures are today's generation's (row count and TP-BALANCE sum worked out here
from the file's bytes: Python reads the packed decimals by their definition). A row changed
by hand afterwards (psql / Python's sqlite3) still makes `reconcile` exit 3.

The generations are the GnuCOBOL-written taxpayer samples (8 inserts, 16 updates, 6
deletes; OCCURS child tables included).

Usage: delta_reconcile_test.py BUILD_DIR  (run from the repository root)"""

import json
import os
import shutil
import sqlite3
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import mfb, unpack  # noqa: E402
from script_checks import check, finish  # noqa: E402
import pg_server  # noqa: E402

LAYOUT = ["--copybook", "samples/taxpayer/TAXPAYER.cpy", "--codepage", "cp285"]
OLD = "samples/taxpayer/TAXPAYER.D20261120"
NEW = "samples/taxpayer/TAXPAYER.D20261121"
LRECL = 369
BALANCE_AT = 10 + 1 + 1 + 30 + 30 + 8 + 4 * 35 + 8 + 2  # TP-BALANCE, S9(9)V99 COMP-3


def file_figures(path):
    raw = open(path, "rb").read()
    assert len(raw) % LRECL == 0, "taxpayer file length"
    recs = [raw[i:i + LRECL] for i in range(0, len(raw), LRECL)]
    return len(recs), sum(unpack(r[BALANCE_AT:BALANCE_AT + 6], 2) for r in recs)


def reconcile(target):
    p = mfb("reconcile", "--target", target, "--dataset", "taxpayer", "--json")
    try:
        lines = {c["what"]: c for c in json.loads(p.stdout)["checks"]}
    except (ValueError, KeyError):
        lines = {}
    return p, lines


def run(name, target, change_by_hand):
    p = mfb("load", *LAYOUT, "--table", "taxpayer", "--key", "TP-KEY", "--input", OLD,
            "--target", target, "--mode", "replace", "--no-progress")
    check(p.returncode == 0, f"{name}: load yesterday: {p.returncode} {p.stderr[-300:]}")
    p = mfb("delta", *LAYOUT, "--key", "TP-KEY", "--old", OLD, "--new", NEW,
            "--apply-to", target, "--dataset", "taxpayer")
    check(p.returncode == 0 and "8 inserts, 16 updates, 6 deletes" in p.stderr,
          f"{name}: delta --apply-to: {p.returncode} {p.stderr[-300:]}")
    p, lines = reconcile(target)
    check(p.returncode == 0, f"{name}: reconcile after the delta matches: {p.returncode} "
          f"{[c for c in lines.values() if not c['ok']]} {p.stderr[-300:]}")
    rows, balance = file_figures(NEW)
    got_rows = lines.get("taxpayer rows", {}).get("expected")
    got_sum = lines.get("taxpayer.tp_balance sum", {}).get("expected")
    check(got_rows == str(rows) and got_sum is not None and Decimal(got_sum) == balance,
          f"{name}: expected totals are today's file's ({rows} rows, balance {balance}): "
          f"{got_rows} {got_sum}")
    change_by_hand()
    p, lines = reconcile(target)
    bad = [w for w, c in lines.items() if not c["ok"]]
    check(p.returncode == 3 and bad == ["taxpayer.tp_balance sum"],
          f"{name}: a row changed by hand is caught: {p.returncode} {bad}")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-deltarecon-")
    try:
        db = os.path.join(tmp, "t.db")

        def sqlite_change():
            con = sqlite3.connect(db)
            # SQLite keeps the decimal as a number (a float here): one cent more, written
            # as exact text (SQLite turns it into the number).
            (no, bal), = con.execute("SELECT mfb_record_no, tp_balance FROM taxpayer "
                                     "ORDER BY mfb_record_no LIMIT 1").fetchall()
            con.execute("UPDATE taxpayer SET tp_balance = ? WHERE mfb_record_no = ?",
                        (str(Decimal(str(bal)) + Decimal("0.01")), no))
            con.commit()
            con.close()
        run("sqlite", "sqlite:" + db, sqlite_change)
        if not pg_server.available():
            print("SKIP PostgreSQL part: server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            run("postgresql", pg.uri, lambda: pg.psql(
                "UPDATE taxpayer SET tp_balance = tp_balance + 0.01 WHERE mfb_record_no = "
                "(SELECT min(mfb_record_no) FROM taxpayer)"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
