"""A load leaves its tables analysed, on both targets, so the planner knows their size and
the spread of their keys (without statistics PostgreSQL's generic plans for the REST and
people lookups scanned whole tables: 3.4 requests/s on 5 x 1M rows, see benchmarks.md).

The oracles are the databases' own catalogues: SQLite's sqlite_stat1 holds a row per
analysed table, and PostgreSQL's pg_stat_user_tables.last_analyze is set once a table is
analysed.

Usage: load_analyze_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
import pg_server  # noqa: E402
from load_support import SAMPLES, mfb  # noqa: E402
from script_checks import check, finish  # noqa: E402


def load(target, name):
    opts, data = SAMPLES[name]
    p = mfb("load", *opts, "--table", name, "--input", data, "--target", target, "--no-progress")
    check(p.returncode == 0, f"{name}: load exit {p.returncode} {p.stderr.strip()[-300:]}")


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-analyze-")
    try:
        db = os.path.join(tmp, "a.db")
        load("sqlite:" + db, "taxpayer")
        con = sqlite3.connect(db)
        has_stats = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone()[0]
        tables = {t for (t,) in con.execute("SELECT tbl FROM sqlite_stat1")} if has_stats else set()
        check("taxpayer" in tables, f"SQLite: taxpayer analysed (sqlite_stat1 tables: {sorted(tables)})")
        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            load(pg.uri, "taxpayer")
            analysed = pg.psql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")
            check("taxpayer" in analysed.split(), f"PostgreSQL: taxpayer analysed ({analysed!r})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
