"""mfbridge ddl: SQL types worked out by hand from the copybooks' pictures and usages,
read back from a real PostgreSQL 15 (information_schema, pg_description) and from SQLite
(PRAGMA table_info); the extreme value of each integer column loaded without error (so
SMALLINT/INTEGER/BIGINT are chosen only where every value fits); names snake_case and at
most 63 characters; OCCURS child tables; --check-88 CHECK constraints that reject a bad
value written by psql / sqlite3.

Usage: load_ddl_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import SAMPLES, mfb, sqlite, sqlite_try  # noqa: E402
from script_checks import check, finish  # noqa: E402
import pg_server  # noqa: E402

# Hand-derived: (column, PostgreSQL type) for tests/data/convert/customer.cpy.
CUSTOMER_PG = [
    ("mfb_record_no", "bigint"),
    ("cust_id", "integer"),            # 9(6): up to 999,999
    ("cust_name", "character varying(20)"),
    ("city", "character varying(12)"),
    ("zip", "integer"),                # 9(5): 99,999 > 32,767
    ("balance", "numeric(9,2)"),       # S9(7)V99
    ("credit_limit", "numeric(7,2)"),  # S9(5)V99
    ("unsigned_packed", "smallint"),   # 9(4) COMP-3: 9,999
    ("visits", "smallint"),            # S9(4) COMP: a halfword
    ("big_bin", "bigint"),             # S9(12) BINARY: a doubleword
    ("score", "integer"),              # S9(8) COMP-5: any fullword value
    ("rate", "numeric(4,4)"),          # SV9(4)
    ("lead_sign", "smallint"),         # S9(3) SIGN LEADING SEPARATE
]

# Extremes: every value the storage can hold must fit the chosen type.
EXTREMES = """       01  X-REC.
           05  U-HALF        PIC 9(4) COMP-5.
           05  U-FULL        PIC 9(9) COMP-5.
           05  U-DBL         PIC 9(18) COMP-5.
           05  S-DBL         PIC S9(18) COMP.
           05  D4            PIC 9(4).
           05  D5            PIC 9(5).
           05  D10           PIC S9(10).
           05  D18           PIC 9(18).
           05  D19           PIC 9(19).
"""
EXTREMES_PG = [("u_half", "integer"), ("u_full", "bigint"), ("u_dbl", "numeric(20,0)"),
               ("s_dbl", "bigint"), ("d4", "smallint"), ("d5", "integer"),
               ("d10", "bigint"), ("d18", "bigint"), ("d19", "numeric(19,0)")]
EXTREME_VALUES = ["65535", "4294967295", "18446744073709551615", "-999999999999999999",
                  "9999", "99999", "-9999999999", "999999999999999999", "9999999999999999999"]


def extremes_record():
    """The record holding each field's largest magnitude: binary big-endian (COMP-5 as the
    mainframe stores it), zoned digits in cp037 with the sign in the last zone (D = -)."""
    b = (65535).to_bytes(2, "big") + (4294967295).to_bytes(4, "big") + \
        (2 ** 64 - 1).to_bytes(8, "big") + (-999999999999999999).to_bytes(8, "big", signed=True)
    b += "9999".encode("cp037") + "99999".encode("cp037")
    b += "999999999".encode("cp037") + bytes([0xD9])
    b += ("9" * 18).encode("cp037") + ("9" * 19).encode("cp037")
    return b


def pg_columns(pg, table):
    return [tuple(r.split("|")) for r in pg.psql(
        "SELECT column_name, format_type(a.atttypid, a.atttypmod) FROM information_schema.columns c "
        "JOIN pg_attribute a ON a.attrelid = c.table_name::regclass AND a.attname = c.column_name "
        f"WHERE c.table_name = '{table}' ORDER BY c.ordinal_position").splitlines()]


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-ddl-")
    try:
        cust = "tests/data/convert/customer.cpy"
        ext_cpy = os.path.join(tmp, "x.cpy")
        open(ext_cpy, "w").write(EXTREMES)
        ext_dat = os.path.join(tmp, "x.dat")
        open(ext_dat, "wb").write(extremes_record())
        tp_opts, tp_data = SAMPLES["taxpayer"]

        # SQLite: decimals of up to 15 digits NUMERIC(p,s) (numbers, exact at that width),
        # wider ones TEXT (the extremes below), never REAL; integers INTEGER.
        p = mfb("ddl", "--copybook", cust, "--dialect", "sqlite")
        check(p.returncode == 0, f"sqlite ddl exit {p.returncode}")
        db = os.path.join(tmp, "d.db")
        sqlite(db, p.stdout)
        info = dict((r.split("|")[1], r.split("|")[2]) for r in
                    sqlite(db, "PRAGMA table_info(customer_rec)").splitlines())
        check(info.get("balance") == "NUMERIC(9,2)" and info.get("rate") == "NUMERIC(4,4)"
              and info.get("cust_id") == "INTEGER" and "REAL" not in info.values(),
              f"sqlite: decimals NUMERIC(p,s), integers INTEGER, no REAL: {info}")
        p = mfb("load", "--copybook", ext_cpy, "--input", ext_dat, "--target", "sqlite:" + db,
                "--no-progress")
        got = sqlite(db, "SELECT " + ", ".join(c for c, _ in EXTREMES_PG) + " FROM x_rec")
        check(p.returncode == 0 and got.split("|") == EXTREME_VALUES,
              f"sqlite: extreme values exact: {got} {p.stderr[-200:]}")
        p = mfb("load", *tp_opts, "--check-88", "--table", "tp", "--input", tp_data,
                "--target", "sqlite:" + db, "--no-progress")
        check(p.returncode == 0, f"sqlite: --check-88 load exit {p.returncode}")
        rc, err = sqlite_try(db, "UPDATE tp SET tp_status = 'X' WHERE mfb_record_no = 1")
        check(rc != 0 and "CHECK" in err, f"sqlite: CHECK rejects TP-STATUS 'X': {err.strip()}")
        rc, err = sqlite_try(db, "UPDATE tp SET tp_status = 'D' WHERE mfb_record_no = 1")
        check(rc == 0, f"sqlite: CHECK accepts the 88 value 'D': {err.strip()}")

        # --index: one index per option, a group standing for its items, built after the load.
        p = mfb("load", *tp_opts, "--table", "tpi", "--index", "TP-SURNAME",
                "--index", "TP-POSTCODE,TP-NAME", "--input", tp_data,
                "--target", "sqlite:" + db, "--no-progress")
        idx = sqlite(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                         "AND tbl_name = 'tpi' AND sql IS NOT NULL ORDER BY name")
        check(p.returncode == 0 and idx.splitlines() == [
            'tpi_tp_postcode_tp_surname_tp_forenames_idx|CREATE INDEX '
            '"tpi_tp_postcode_tp_surname_tp_forenames_idx" ON "tpi" '
            '("tp_postcode", "tp_surname", "tp_forenames")',
            'tpi_tp_surname_idx|CREATE INDEX "tpi_tp_surname_idx" ON "tpi" ("tp_surname")'],
            f"sqlite: --index makes the named indexes: {idx} {p.stderr[-200:]}")
        # A child record type of a hierarchical file may have its own key (its table's
        # primary key), next to its parent's key columns.
        paye_opts, paye_data = SAMPLES["paye"]
        p = mfb("load", *paye_opts, "--parent", "PAYE-DETAIL-REC=PAYE-HEADER-REC",
                "--key", "PAYE-HEADER-REC=PH-EMPLOYER-REF", "--key", "PAYE-DETAIL-REC=PD-NINO",
                "--table", "pk", "--input", paye_data, "--target", "sqlite:" + db, "--no-progress")
        ddl = sqlite(db, "SELECT sql FROM sqlite_master WHERE name = 'pk_paye_detail_rec'")
        check(p.returncode == 0 and 'PRIMARY KEY ("pd_nino")' in ddl and
              'FOREIGN KEY ("parent_ph_employer_ref") REFERENCES "pk_paye_header_rec"' in ddl,
              f"sqlite: a child type keyed by its own field {p.stderr[-200:]} {ddl[-300:]}")
        p = mfb("ddl", *tp_opts[:2], "--dialect", "sqlite", "--index", "TP-NOPE")
        check(p.returncode != 0 and "--index TP-NOPE: no item of that name" in p.stderr,
              f"ddl: an unknown --index field is an error: {p.stderr.strip()}")

        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            p = mfb("ddl", "--copybook", cust, "--dialect", "postgresql")
            check(p.returncode == 0, f"postgresql ddl exit {p.returncode}")
            subprocess.run(pg.psql_cmd() + ["-q", "-c", p.stdout], check=True)
            cols = pg_columns(pg, "customer_rec")
            check(cols[:len(CUSTOMER_PG)] == CUSTOMER_PG,
                  f"postgresql: customer types as worked out by hand:\n  {cols}")
            child = pg_columns(pg, "customer_rec_monthly") if pg.psql(
                "SELECT count(*) FROM pg_tables WHERE tablename = 'customer_rec_monthly'") == "1" \
                else []
            check(child == [("mfb_record_no", "bigint"), ("mfb_occurrence", "integer"),
                            ("monthly", "numeric(7,2)")],
                  f"postgresql: OCCURS 4 -> child table with record no and occurrence {child}")
            com = pg.psql("SELECT col_description('customer_rec'::regclass, attnum) FROM "
                          "pg_attribute WHERE attrelid = 'customer_rec'::regclass AND "
                          "attname = 'balance'")
            check("BALANCE" in com and "S9(7)V99" in com and "offset 43" in com
                  and ("COMP-3" in com or "PACKED" in com),
                  f"postgresql: COMMENT ON gives name, picture, usage, offset: {com}")
            # Flattened: numbered columns; each element's comment gives its own offset
            # (MONTHLY(2) starts at 82 + 4 = 86).
            p = mfb("ddl", "--copybook", cust, "--dialect", "postgresql", "--flatten-occurs",
                    "--table", "flat")
            subprocess.run(pg.psql_cmd() + ["-q", "-c", p.stdout], check=True)
            fl = [c for c, _ in pg_columns(pg, "flat")]
            check("monthly_4" in fl and "order_lines_2_qty" in fl,
                  f"postgresql: --flatten-occurs numbered columns {fl}")
            com = pg.psql("SELECT col_description('flat'::regclass, attnum) FROM pg_attribute "
                          "WHERE attrelid = 'flat'::regclass AND attname = 'monthly_2'")
            check("offset 86" in com, f"postgresql: flattened MONTHLY(2) comment offset: {com}")

            p = mfb("load", "--copybook", ext_cpy, "--input", ext_dat, "--target", pg.uri,
                    "--no-progress")
            check(pg_columns(pg, "x_rec")[1:] == EXTREMES_PG,
                  f"postgresql: extreme types {pg_columns(pg, 'x_rec')}")
            got = pg.psql("SELECT " + ", ".join(c for c, _ in EXTREMES_PG) + " FROM x_rec")
            check(p.returncode == 0 and got.split("|") == EXTREME_VALUES,
                  f"postgresql: extreme values exact: {got} {p.stderr[-200:]}")

            long = "t" * 60
            p = mfb("load", *tp_opts, "--check-88", "--table", long, "--input", tp_data,
                    "--target", pg.uri, "--no-progress")
            check(p.returncode == 0, f"postgresql: 60-char table name load exit {p.returncode}")
            names = pg.psql(f"SELECT tablename FROM pg_tables WHERE tablename LIKE '{long[:50]}%' "
                            "ORDER BY 1").split()
            check(len(names) == 3 and all(len(n) <= 63 for n in names),
                  f"postgresql: main and two child tables, names <= 63: {names}")
            p2 = mfb("ddl", *tp_opts[:2], "--dialect", "postgresql", "--table", long)
            check(all(f'"{n}"' in p2.stdout for n in names), "ddl repeats the same names")
            r = pg.psql(f"UPDATE {long} SET tp_status = 'X' WHERE mfb_record_no = 1", check=False)
            check(r.returncode != 0 and "check constraint" in r.stderr,
                  f"postgresql: CHECK rejects TP-STATUS 'X': {r.stderr.strip()}")
            pg.psql(f"UPDATE {long} SET tp_status = 'C' WHERE mfb_record_no = 1")
            p = mfb("load", *tp_opts, "--table", "tpi", "--index", "TP-SURNAME",
                    "--input", tp_data, "--target", pg.uri, "--no-progress")
            idx = pg.psql("SELECT indexdef FROM pg_indexes WHERE tablename = 'tpi' "
                          "AND indexname = 'tpi_tp_surname_idx'")
            check(p.returncode == 0 and idx.endswith("USING btree (tp_surname)"),
                  f"postgresql: --index makes a btree index: {idx!r}")
            # Keys are added when the data is in: the same constraints as inline DDL, and a
            # duplicate key still fails the load (exit 2: bad data, naming the key).
            p = mfb("load", *tp_opts, "--table", "tpk", "--key", "TP-KEY", "--input", tp_data,
                    "--target", pg.uri, "--no-progress")
            cons = pg.psql("SELECT string_agg(contype::text || ':' || pg_get_constraintdef(oid), ' | ' "
                           "ORDER BY contype) FROM pg_constraint WHERE conrelid = 'tpk'::regclass "
                           "AND contype IN ('p', 'u', 'f')")
            check(p.returncode == 0 and cons == "p:PRIMARY KEY (tp_tax_ref, tp_check_digit) | "
                  "u:UNIQUE (mfb_record_no)", f"postgresql: keys added after the load: {cons}")
            child = pg.psql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                            "conrelid = 'tpk_tp_yearly_figures'::regclass AND contype = 'f'")
            check(child == "FOREIGN KEY (mfb_record_no) REFERENCES tpk(mfb_record_no) "
                  "ON DELETE CASCADE", f"postgresql: OCCURS child foreign key: {child}")
            dup = os.path.join(tmp, "dup.dat")
            raw = open(tp_data, "rb").read()
            open(dup, "wb").write(raw + raw[:369])
            p = mfb("load", *tp_opts, "--table", "tpd", "--key", "TP-KEY", "--input", dup,
                    "--target", pg.uri, "--no-progress")
            check(p.returncode == 2 and f"{dup}: records 1 and {len(raw) // 369 + 1} have the "
                  "same key (\"tp_tax_ref\", \"tp_check_digit\") = (1000000010, 2)" in p.stderr,
                  f"postgresql: a duplicate key fails the load: {p.returncode} {p.stderr[-300:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
