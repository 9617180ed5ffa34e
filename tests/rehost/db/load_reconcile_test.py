"""Reconciliation, load modes and bad records, on SQLite and a throwaway PostgreSQL 15:
- a row tampered after a load (one amount UPDATEd, one row DELETEd with psql/sqlite3)
  makes `reconcile` exit 3 naming the table and column; untouched it exits 0;
- the load exits 3 when a trailer check fails (the PAYE trailer count edited here);
- create refuses existing tables (exit 1); replace; append continues record numbers and
  totals; upsert by --key of two taxpayer generations equals their key merge in Python;
- a bad packed nibble: fail names file, record, byte offset and field; skip loads the
  rest; nothing is silently nulled.

Usage: load_reconcile_test.py BUILD_DIR  (run from the repository root)"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "support"))
from load_support import SAMPLES, mfb, sqlite  # noqa: E402
from script_checks import check, finish  # noqa: E402
import pg_server  # noqa: E402

PAYE_OPTS, PAYE = SAMPLES["paye"]
TRAILER = ["--trailer-check", "PT-DETAIL-COUNT=count",
           "--trailer-check", "PT-TOTAL-PAY=sum(PD-GROSS-PAY)"]


def load(target, data, *extra, table="paye", opts=PAYE_OPTS):
    return mfb("load", *opts, "--table", table, "--input", data, "--target", target,
               "--no-progress", *extra)


def reconcile_cases(label, target, query, tmp):
    p = load(target, PAYE, *TRAILER)
    check(p.returncode == 0, f"{label}: PAYE load with trailer checks exit {p.returncode}")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 0, f"{label}: untouched reconcile exit {p.returncode}")
    query("UPDATE paye_detail_rec SET pd_gross_pay = pd_gross_pay + 0.01 WHERE mfb_record_no = 5")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 3 and "paye_detail_rec" in p.stdout + p.stderr
          and "pd_gross_pay" in p.stdout + p.stderr,
          f"{label}: UPDATEd amount -> exit {p.returncode}, names table and column")
    query("UPDATE paye_detail_rec SET pd_gross_pay = pd_gross_pay - 0.01 WHERE mfb_record_no = 5")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 0, f"{label}: amount restored -> exit {p.returncode}")
    # A changed key leaves counts and sums alone: only the key hash total can see it.
    query("UPDATE paye_detail_rec SET mfb_record_no = 999999 WHERE mfb_record_no = 8")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 3 and "paye_detail_rec key hash total" in p.stdout + p.stderr,
          f"{label}: a changed key -> exit {p.returncode}, the key hash total differs")
    query("UPDATE paye_detail_rec SET mfb_record_no = 8 WHERE mfb_record_no = 999999")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 0, f"{label}: key restored -> exit {p.returncode}")
    query("DELETE FROM paye_detail_rec WHERE mfb_record_no = 7")
    p = mfb("reconcile", "--target", target, "--dataset", "paye")
    check(p.returncode == 3 and "paye_detail_rec" in p.stdout + p.stderr,
          f"{label}: DELETEd row -> exit {p.returncode}")
    if label == "sqlite":
        # A text that is no decimal (SQLite keeps it as TEXT even in a NUMERIC column) is
        # an error, never a 0.
        query("UPDATE paye_detail_rec SET pd_gross_pay = '12x.00' WHERE mfb_record_no = 6")
        p = mfb("reconcile", "--target", target, "--dataset", "paye")
        check(p.returncode == 4 and "table.column paye_detail_rec.pd_gross_pay, record 6: "
              "'12x.00' is not an exact decimal" in p.stderr,
              f"{label}: a non-decimal amount -> exit {p.returncode} {p.stderr.strip()[-200:]}")

    # A trailer whose count is one too many (PIC 9(7) zoned at bytes 1-7 of the T record).
    raw = bytearray(open(PAYE, "rb").read())
    t = next(i for i in range(0, len(raw), 80) if raw[i] == 0xE3)  # 'T' in cp285/cp037
    count = int(raw[t + 1:t + 8].decode("cp037"))
    raw[t + 1:t + 8] = str(count + 1).rjust(7, "0").encode("cp037")
    bad = os.path.join(tmp, "paye_badtrailer.dat")
    open(bad, "wb").write(raw)
    p = load(target, bad, *TRAILER, table="payebad")
    check(p.returncode == 3 and "PT-DETAIL-COUNT" in p.stdout + p.stderr,
          f"{label}: wrong trailer count -> load exit {p.returncode} (want 3) naming the field")


def mode_cases(label, target, query, tmp):
    opts, data = SAMPLES["benefits"]
    p = load(target, data, table="ben", opts=opts)
    check(p.returncode == 0, f"{label}: benefits load exit {p.returncode}")
    rows = int(query("SELECT count(*) FROM ben"))
    p = load(target, data, table="ben", opts=opts)
    check(p.returncode == 1, f"{label}: create over existing tables exit {p.returncode} (want 1)")
    p = load(target, data, "--mode", "replace", table="ben", opts=opts)
    check(p.returncode == 0 and int(query("SELECT count(*) FROM ben")) == rows,
          f"{label}: replace exit {p.returncode}, same rows")
    p = load(target, data, "--mode", "append", table="ben", opts=opts)
    got = query("SELECT count(*), min(mfb_record_no), max(mfb_record_no), "
                "count(DISTINCT mfb_record_no) FROM ben").split("|")
    check(p.returncode == 0 and got == [str(2 * rows), "1", str(2 * rows), str(2 * rows)],
          f"{label}: append exit {p.returncode}, numbers continue {got}")
    p = mfb("reconcile", "--target", target, "--dataset", "ben")
    check(p.returncode == 0, f"{label}: reconcile after append (cumulative totals) exit "
          f"{p.returncode} {p.stdout[-200:]}")

    # upsert by key: generation 1 then generation 2 of the taxpayer master. The table
    # must hold, per TP-TAX-REF, generation 2's record where it has one, else generation 1's:
    # exported in key order, that is exactly the merge computed here from the raw files.
    opts, _ = SAMPLES["taxpayer"]
    merged = {}
    for gen in ("samples/taxpayer/TAXPAYER.D20261120", "samples/taxpayer/TAXPAYER.D20261121"):
        p = load(target, gen, "--mode", "upsert", "--key", "TP-TAX-REF", table="tpk", opts=opts)
        check(p.returncode == 0, f"{label}: upsert {gen} exit {p.returncode} {p.stderr[-200:]}")
        raw = open(gen, "rb").read()
        merged.update((raw[i:i + 10], raw[i:i + 369]) for i in range(0, len(raw), 369))
    out = os.path.join(tmp, label + "-upsert.out")
    p = mfb("export", "--target", target, "--dataset", "tpk", "--output", out, "--order-by-key")
    got = open(out, "rb").read() if os.path.exists(out) else b""
    check(p.returncode == 0 and got == b"".join(merged[k] for k in sorted(merged)),
          f"{label}: upsert of two generations == the key merge of the raw files "
          f"({len(got) // 369} of {len(merged)} records)")


def bad_record_cases(label, target, query, tmp):
    opts, data = SAMPLES["paye"]
    raw = bytearray(open(data, "rb").read())
    d = next(i for i in range(80, len(raw), 80) if raw[i] == 0xC4)  # 'D'
    raw[d + 41] = 0xAB  # PD-GROSS-PAY bytes 40-44: an 'A' digit nibble
    bad = os.path.join(tmp, "paye_bad.dat")
    open(bad, "wb").write(raw)
    recno = d // 80 + 1
    p = load(target, bad, table="pf")
    err = p.stderr
    check(p.returncode == 2 and bad in err and f"record {recno} (file offset {d})" in err and "at offset 40" in err
          and "PD-GROSS-PAY" in err, f"{label}: fail -> exit {p.returncode}, names file, record "
          f"{recno}, offsets {d}+40, field: {err.strip()[:300]}")
    p = load(target, bad, "--on-error", "skip", table="ps")
    total = len(raw) // 80
    nulls = query("SELECT count(*) FROM ps_paye_detail_rec WHERE pd_gross_pay IS NULL")
    check(p.returncode in (0, 2) and nulls == "0",
          f"{label}: skip exit {p.returncode}; no NULL gross pay ({nulls})")
    tables = [t for t in query_tables(query) if t.startswith("ps")]
    loaded = sum(int(query(f"SELECT count(*) FROM {t}")) for t in tables)
    check(loaded == total - 1, f"{label}: skip loaded {loaded} of {total} records ({tables})")
    rej = os.path.join(tmp, label + ".rej")
    p = load(target, bad, "--on-error", "reject", "--reject-file", rej, table="pr")
    check(os.path.exists(rej) and open(rej, "rb").read() == bytes(raw[d:d + 80])
          and f'"record":{recno},' in open(rej + ".errors.jsonl").read().replace(" ", ""),
          f"{label}: reject exit {p.returncode}, reject file holds the record's bytes, "
          f"its .errors.jsonl names record {recno}")


def query_tables(query):
    try:
        return query("SELECT name FROM sqlite_master WHERE type = 'table'").split()
    except RuntimeError:
        return query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").split()


def main():
    tmp = tempfile.mkdtemp(prefix="mfb-recon-")
    try:
        db = os.path.join(tmp, "r.db")
        q = lambda s: sqlite(db, s)  # noqa: E731
        reconcile_cases("sqlite", "sqlite:" + db, q, tmp)
        mode_cases("sqlite", "sqlite:" + db, q, tmp)
        bad_record_cases("sqlite", "sqlite:" + db, q, tmp)
        if not pg_server.available():
            print("SKIP part: PostgreSQL server binaries not found")
            return finish()
        with pg_server.pg_server() as pg:
            reconcile_cases("postgresql", pg.uri, pg.psql, tmp)
            mode_cases("postgresql", pg.uri, pg.psql, tmp)
            bad_record_cases("postgresql", pg.uri, pg.psql, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
