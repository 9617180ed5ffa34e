"""Applying a delta to yesterday's table gives exactly the table a full load of today's file
gives (issue 7), on SQLite and on a throwaway PostgreSQL server.

The two generations are the GnuCOBOL-written taxpayer samples. The tables are compared
through independent clients (Python's sqlite3 module, psql), row by row with the record
number left out (a delta keeps updated rows in place and numbers inserted rows after the
old ones), child rows joined to their parent's key; and the write-back of the delta-applied
table in key order must be byte-identical to today's file."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
import pg_server  # noqa: E402

BUILD = sys.argv[1]
MFB = os.path.join(BUILD, "mfbridge")
LAYOUT = ["--copybook", "samples/taxpayer/TAXPAYER.cpy", "--codepage", "cp285"]
OLD = "samples/taxpayer/TAXPAYER.D20261120"
NEW = "samples/taxpayer/TAXPAYER.D20261121"
CHILDREN = ["taxpayer_tp_addr_line", "taxpayer_tp_yearly_figures"]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def mfb(*args):
    p = subprocess.run([MFB, *args], capture_output=True, text=True)
    return p


def load(target, path):
    p = mfb("load", *LAYOUT, "--table", "taxpayer", "--key", "TP-KEY", "--input", path,
            "--target", target)
    check(p.returncode == 0, f"load {path} into {target}: exit {p.returncode}\n{p.stderr}")


# Rows without mfb_record_no; child rows carry their parent's key instead.
MAIN_SQL = "SELECT * FROM taxpayer"
CHILD_SQL = ("SELECT p.tp_tax_ref, p.tp_check_digit, c.* FROM {child} c "
             "JOIN taxpayer p ON p.mfb_record_no = c.mfb_record_no")


def rows_sqlite(db, sql):
    con = sqlite3.connect(db)
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    keep = [i for i, n in enumerate(names) if n != "mfb_record_no"]
    rows = sorted(tuple(str(r[i]) for i in keep) for r in cur.fetchall())
    con.close()
    return rows


def rows_pg(pg, dbname, sql):
    cmd = pg.psql_cmd()
    cmd[cmd.index("-d") + 1] = dbname
    p = subprocess.run(cmd + ["-At", "-c", f"SELECT (to_jsonb(q) - 'mfb_record_no')::text FROM ({sql}) q"],
                       capture_output=True, text=True, check=True)
    return sorted(p.stdout.splitlines())


def run(target_of, rows_of, tmp):
    yesterday, full = target_of("yesterday"), target_of("full")
    load(yesterday, OLD)
    p = mfb("delta", *LAYOUT, "--key", "TP-KEY", "--old", OLD, "--new", NEW,
            "--apply-to", yesterday, "--dataset", "taxpayer")
    check(p.returncode == 0, f"delta --apply-to: exit {p.returncode}\n{p.stderr}")
    # The sample's README lists the generations' differences: 8 inserts, 16 updates, 6 deletes.
    check("8 inserts, 16 updates, 6 deletes" in p.stderr, f"delta counts: {p.stderr}")
    load(full, NEW)
    check(rows_of("yesterday", MAIN_SQL) == rows_of("full", MAIN_SQL), "main tables differ")
    for child in CHILDREN:
        sql = CHILD_SQL.format(child=child)
        a, b = rows_of("yesterday", sql), rows_of("full", sql)
        check(len(a) > 0 and a == b, f"{child} differs ({len(a)} vs {len(b)} rows)")
    out = os.path.join(tmp, "writeback.dat")
    p = mfb("export", "--target", yesterday, "--dataset", "taxpayer", "--order-by-key",
            "--output", out)
    check(p.returncode == 0, f"export: exit {p.returncode}\n{p.stderr}")
    with open(out, "rb") as f, open(NEW, "rb") as g:
        check(f.read() == g.read(), "write-back of the delta-applied table is not today's file")
    # A delta whose old generation is not what the table holds is refused, and rolled back.
    before = rows_of("full", MAIN_SQL)
    p = mfb("delta", *LAYOUT, "--key", "TP-KEY", "--old", OLD, "--new", NEW,
            "--apply-to", full, "--dataset", "taxpayer")
    check(p.returncode == 4 and "is not in the table" in p.stderr,
          f"stale delta: exit {p.returncode}\n{p.stderr}")
    check(rows_of("full", MAIN_SQL) == before, "a refused delta changed the table")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-delta-apply-")
    try:
        run(lambda n: f"sqlite:{os.path.join(tmp, n + '.db')}",
            lambda n, sql: rows_sqlite(os.path.join(tmp, n + ".db"), sql), tmp)
        if pg_server.available():
            with pg_server.pg_server() as pg:
                uris = {n: pg.fresh_database(n) for n in ("yesterday", "full")}
                run(lambda n: uris[n], lambda n, sql: rows_pg(pg, n, sql), tmp)
        else:
            print("SKIP PostgreSQL part: server binaries not found")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if failures:
        sys.exit(1)
    print("delta apply: OK")


main()
