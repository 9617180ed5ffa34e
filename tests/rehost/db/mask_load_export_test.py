#!/usr/bin/env python3
"""--mask on load (SQLite and a throwaway PostgreSQL) and on export: no original value of a
masked field is in the tables (read with the sqlite3 CLI and psql) or in the exported
EBCDIC file (decoded with Python's cp037 and UTF-16BE codecs); the masked export decodes
cleanly with `convert`, and a GnuCOBOL program (cobc -std=ibm) reads it, DISPLAYs its
fields and adds up its packed fields, which hold valid digits (NUMERIC class test).

Usage: mask_load_export_test.py BUILD_DIR   (from the repository root)"""
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))

import mask_support as ms  # noqa: E402
import pg_server  # noqa: E402
from script_checks import check, finish  # noqa: E402

MFB = os.path.abspath(os.path.join(sys.argv[1] if len(sys.argv) > 1 else "build", "mfbridge"))
TABLE_ARGS = ["--table", "claims", "--key", "BC-CLAIM-ID"]

READER = """       IDENTIFICATION DIVISION.
       PROGRAM-ID. BENREAD.
       ENVIRONMENT DIVISION.
       INPUT-OUTPUT SECTION.
       FILE-CONTROL.
           SELECT BEN-FILE ASSIGN TO "BENEFIT.MASKED"
               ORGANIZATION IS SEQUENTIAL.
       DATA DIVISION.
       FILE SECTION.
       FD  BEN-FILE RECORDING MODE IS F.
       COPY BENCLAIM REPLACING ==N(30)== BY ==X(60)==.
       WORKING-STORAGE SECTION.
       01  WS-EOF       PIC X VALUE 'N'.
       01  WS-COUNT     PIC 9(5) VALUE 0.
       01  WS-BAD       PIC 9(5) VALUE 0.
       01  WS-TOTAL     PIC S9(11)V99 COMP-3 VALUE 0.
       01  WS-SHOW      PIC -(11)9.99.
       PROCEDURE DIVISION.
           OPEN INPUT BEN-FILE.
           PERFORM UNTIL WS-EOF = 'Y'
             READ BEN-FILE AT END MOVE 'Y' TO WS-EOF
             NOT AT END
               ADD 1 TO WS-COUNT
               IF BC-PAID-TO-DATE NOT NUMERIC
                  OR BC-WEEKLY-AMOUNT NOT NUMERIC
                 ADD 1 TO WS-BAD
               ELSE
                 ADD BC-PAID-TO-DATE TO WS-TOTAL
               END-IF
               DISPLAY "REC " BC-NINO " " BC-DATE-OF-BIRTH
             END-READ
           END-PERFORM.
           CLOSE BEN-FILE.
           MOVE WS-TOTAL TO WS-SHOW.
           DISPLAY "COUNT " WS-COUNT " BAD " WS-BAD " TOTAL " WS-SHOW.
           STOP RUN.
"""


def run(*args):
    return subprocess.run([MFB, *args], capture_output=True, text=True, env=ms.env_with_secret(),
                          stdin=subprocess.DEVNULL, timeout=300)


def test_sqlite(tmp, policy, claims, values):
    db = os.path.join(tmp, "masked.db")
    r = run("load", *ms.BENEFITS, *TABLE_ARGS, "--input", claims, "--target", "sqlite:" + db, "--mask", policy)
    check(r.returncode == 0, f"load --mask into SQLite exits 0 ({r.stderr[-300:]})")
    dump = subprocess.run(["sqlite3", db, ".dump"], capture_output=True, text=True).stdout
    check("INSERT INTO" in dump and ms.token(ms.benefit_claims(claims)[0]["nino"]) in dump,
          "the SQLite table holds the tokens")
    found = ms.leaks(dump, values)
    check(not found, f"no original masked value in the SQLite database {found}")


def test_postgres(policy, claims, values):
    if not pg_server.available():
        print("SKIP: PostgreSQL server binaries not found")
        return
    with pg_server.pg_server() as pg:
        r = run("load", *ms.BENEFITS, *TABLE_ARGS, "--input", claims, "--target", pg.uri, "--mask", policy)
        check(r.returncode == 0, f"load --mask into PostgreSQL exits 0 ({r.stderr[-300:]})")
        tables = pg.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split()
        text = "\n".join(pg.psql(f'SELECT * FROM "{t}"') for t in tables)
        check(ms.token(ms.benefit_claims(claims)[0]["nino"]) in text, "the PostgreSQL table holds the tokens")
        found = ms.leaks(text, values)
        check(not found, f"no original masked value in PostgreSQL's {len(tables)} tables {found}")


def test_export(tmp, policy, claims, values):
    db = os.path.join(tmp, "plain.db")
    r = run("load", *ms.BENEFITS, *TABLE_ARGS, "--input", claims, "--target", "sqlite:" + db)
    check(r.returncode == 0, f"load without --mask ({r.stderr[-200:]})")
    out = os.path.join(tmp, "BENEFIT.MASKED")
    report = os.path.join(tmp, "export-report.json")
    r = run("export", "--target", "sqlite:" + db, "--dataset", "claims", "--output", out,
            "--mask", policy, "--mask-report", report)
    check(r.returncode == 0, f"export --mask exits 0 ({r.stderr[-300:]})")
    data = open(out, "rb").read()
    check(len(data) == 360 * ms.BEN_LEN, f"360 records of 120 bytes exported ({len(data)})")
    text = data.decode("cp037") + "".join(data[i + 19:i + 79].decode("utf-16-be") for i in range(0, len(data), 120))
    found = ms.leaks(text, values)
    check(not found, f"no original masked value in the exported EBCDIC file {found}")
    check(ms.SECRET not in open(report).read() and ms.SECRET not in r.stderr, "the secret is not in the export report or stderr")
    r = run("convert", *ms.BENEFITS, "--input", out)
    check(r.returncode == 0 and len(r.stdout.splitlines()) == 360, f"convert decodes the masked export cleanly ({r.stderr[-200:]})")
    orig = ms.benefit_claims(claims)
    masked = ms.benefit_claims(out)
    check(all(m["nino"] == ms.token(o["nino"]) for m, o in zip(masked, orig)), "exported NINOs are the HMAC tokens")
    check(all(m["paid"] == Decimal(int(o["paid"] / 100) * 100) for m, o in zip(masked, orig)),
          "exported packed paid-to-date is the band of 100 (read with Python from the bytes)")
    return out, orig


def test_gnucobol(tmp, out, orig):
    if not shutil.which("cobc"):
        print("SKIP: cobc (GnuCOBOL) not installed")
        return
    src = os.path.join(tmp, "BENREAD.cbl")
    open(src, "w").write(READER)
    c = subprocess.run(["cobc", "-x", "-std=ibm", "-fsign=EBCDIC", "-I", "samples/benefits", "-o",
                        os.path.join(tmp, "BENREAD"), src], capture_output=True, text=True)
    check(c.returncode == 0, f"cobc -std=ibm compiles the reader ({c.stderr[-300:]})")
    if c.returncode != 0:
        return
    r = subprocess.run([os.path.join(tmp, "BENREAD")], cwd=tmp, capture_output=True, timeout=60)
    lines = r.stdout.split(b"\n")
    recs = [line for line in lines if line.startswith(b"REC ")]
    check(len(recs) == 360, f"the COBOL program reads 360 records ({len(recs)})")
    ninos = [line[4:13].decode("cp037") for line in recs]
    check(ninos == [ms.token(o["nino"]) for o in orig], "it DISPLAYs the tokens (EBCDIC, decoded with cp037)")
    total = sum(Decimal(int(o["paid"] / 100) * 100) for o in orig)
    last = [line for line in lines if line.startswith(b"COUNT ")][0].decode("ascii")
    check(" BAD 00000 " in last, f"every packed field passes the NUMERIC class test ({last})")
    check(Decimal(last.split("TOTAL")[1].strip()) == total,
          f"its packed arithmetic gives the banded total {total} ({last})")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        policy = os.path.join(tmp, "policy.yaml")
        open(policy, "w").write(ms.POLICY)
        claims = ms.with_shared_nino(tmp, ms.paye_details()[0][0])
        values = ms.originals(claims)
        test_sqlite(tmp, policy, claims, values)
        test_postgres(policy, claims, values)
        out, orig = test_export(tmp, policy, claims, values)
        test_gnucobol(tmp, out, orig)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
