"""Decimals in SQLite behave as numbers for a plain SQLite user: ORDER BY, MAX and
`WHERE x > 100` give numeric answers (TEXT decimals sorted 990.37 above 1498.19), while
load -> export stays byte-exact and the reconciliation's sums stay exact to the last digit.

Expected values come from the raw bytes, decoded here from the definition of packed decimal
(the GnuCOBOL-written PAYE sample, and a file of 15- and 18-digit decimals written here);
the database is read back with Python's sqlite3 module and with the sqlite3 CLI.

Usage: sqlite_decimal_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import sqlite3
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import SAMPLES, mfb, sqlite, unpack  # noqa: E402
from script_checks import check, finish, packed  # noqa: E402

CENT = Decimal("0.01")


def as_decimal(value, scale):
    """A value read through Python's sqlite3 (float or int; text from older loads) at the
    column's scale."""
    return Decimal(value if isinstance(value, str) else repr(value)).quantize(Decimal(1).scaleb(-scale))


def load_export_reconcile(name, opts, data, db, tmp):
    p = mfb("load", *opts, "--table", name, "--input", data, "--target", "sqlite:" + db,
            "--no-progress")
    check(p.returncode == 0, f"{name}: load exit {p.returncode} {p.stderr.strip()[-300:]}")
    out = os.path.join(tmp, name + ".out")
    p = mfb("export", "--target", "sqlite:" + db, "--dataset", name, "--output", out)
    check(p.returncode == 0 and open(out, "rb").read() == open(data, "rb").read(),
          f"{name}: export byte-identical to the input (exit {p.returncode})")
    p = mfb("reconcile", "--target", "sqlite:" + db, "--dataset", name)
    check(p.returncode == 0, f"{name}: reconcile exit {p.returncode} {p.stdout[-300:]}")


def paye(tmp):
    """The GnuCOBOL-written PAYE sample: gross pay S9(7)V99 COMP-3 at offset 40 of the
    detail records (type D, EBCDIC C4), 80-byte records."""
    opts, data = SAMPLES["paye"]
    db = os.path.join(tmp, "paye.db")
    load_export_reconcile("paye", opts, data, db, tmp)
    raw = open(data, "rb").read()
    recs = [raw[i:i + 80] for i in range(0, len(raw), 80)]
    gross = [unpack(r[40:45], 2) for r in recs if r[0] == 0xC4]
    check(len(gross) > 100 and any(g < 1000 for g in gross) and any(g > 1000 for g in gross),
          f"PAYE oracle: {len(gross)} gross pays on both sides of 1000")
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    types = {t for (t,) in q("SELECT DISTINCT typeof(pd_gross_pay) FROM paye_detail_rec")}
    check(types <= {"real", "integer"}, f"pd_gross_pay kept as numbers, typeof {sorted(types)}")
    ordered = [as_decimal(v, 2) for (v,) in q("SELECT pd_gross_pay FROM paye_detail_rec "
                                              "ORDER BY pd_gross_pay")]
    check(ordered == sorted(gross), "ORDER BY pd_gross_pay is numeric order, every value exact")
    (mx,), = q("SELECT MAX(pd_gross_pay) FROM paye_detail_rec")
    check(as_decimal(mx, 2) == max(gross), f"MAX(pd_gross_pay) {mx} = {max(gross)}")
    (n,), = q("SELECT COUNT(*) FROM paye_detail_rec WHERE pd_gross_pay > 1000")
    check(n == sum(g > 1000 for g in gross), f"WHERE pd_gross_pay > 1000: {n} rows")
    (n,), = q("SELECT COUNT(*) FROM paye_detail_rec WHERE pd_gross_pay < 100")
    check(n == sum(g < 100 for g in gross), f"WHERE pd_gross_pay < 100: {n} rows")
    # The sqlite3 CLI prints the same numbers.
    top = sqlite(db, "SELECT pd_gross_pay FROM paye_detail_rec ORDER BY pd_gross_pay DESC LIMIT 3")
    check([Decimal(t) for t in top.split("\n")] == sorted(gross, reverse=True)[:3],
          f"sqlite3 CLI: the three highest gross pays {top.split()}")
    con.close()


WIDE_CPY = """       01  WIDE-REC.
           05  W-ID                    PIC 9(4).
           05  W-MONEY                 PIC S9(13)V99 COMP-3.
           05  W-BIG                   PIC S9(16)V99 COMP-3.
"""
# 15 digits (W-MONEY) at its edges, and 18 digits (W-BIG), past what a double holds.
MONEY = ["990.37", "1498.19", "9999999999999.99", "9999999999999.98", "-9999999999999.99",
         "0.01", "-0.01", "0.00", "100.00", "100.01", "1234567890123.45", "-1498.19"]
BIG = ["9999999999999999.99", "9999999999999999.98", "-1234567890123456.78", "0.01",
       "990.37", "1498.19", "0.00", "100.00", "5000000000000000.01", "-0.01", "7.00",
       "8888888888888888.88"]


def wide(tmp):
    cpy = os.path.join(tmp, "WIDE.cpy")
    open(cpy, "w").write(WIDE_CPY)
    data = os.path.join(tmp, "WIDE.DAT")
    with open(data, "wb") as f:
        for i, (m, b) in enumerate(zip(MONEY, BIG), 1):
            f.write(str(i).rjust(4, "0").encode("cp037") +
                    packed(int(Decimal(m) * 100), 8) + packed(int(Decimal(b) * 100), 10))
    db = os.path.join(tmp, "wide.db")
    load_export_reconcile("wide", ["--copybook", cpy, "--recfm", "FB"], data, db, tmp)
    con = sqlite3.connect(db)
    q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
    rows = q("SELECT w_money, typeof(w_money) FROM wide ORDER BY w_money")
    check({t for _, t in rows} <= {"real", "integer"}, "15 digits: kept as numbers")
    check([as_decimal(v, 2) for v, _ in rows] == sorted(Decimal(m) for m in MONEY),
          "15 digits: numeric order, every value exact to the cent")
    (mx, mn), = q("SELECT MAX(w_money), MIN(w_money) FROM wide")
    check((as_decimal(mx, 2), as_decimal(mn, 2)) ==
          (Decimal("9999999999999.99"), Decimal("-9999999999999.99")), "15 digits: MAX and MIN")
    (n,), = q("SELECT COUNT(*) FROM wide WHERE w_money > 100")
    check(n == sum(Decimal(m) > 100 for m in MONEY), f"15 digits: WHERE w_money > 100: {n}")
    big = q("SELECT w_big, typeof(w_big) FROM wide ORDER BY w_id")
    check([v for v, _ in big] == BIG and {t for _, t in big} == {"text"},
          "18 digits: kept as exact TEXT (a double would round them)")
    con.close()
    # The sums are exact: one cent more in a 15-digit value is a reconciliation mismatch.
    sqlite(db, "UPDATE wide SET w_money = 9999999999999.98 WHERE w_id = 3")
    p = mfb("reconcile", "--target", "sqlite:" + db, "--dataset", "wide")
    check(p.returncode == 3, f"one cent off in 9999999999999.99: reconcile exit {p.returncode} (3)")


def main():
    if not shutil.which("sqlite3"):
        print("SKIP: no sqlite3 CLI")
        return 0
    tmp = tempfile.mkdtemp(prefix="mfb-sqlite-decimal-")
    try:
        paye(tmp)
        wide(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
